package org.ehcptracker.kit.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date field may not be earlier than {@link #value()}. Without a floor, JSON accepts dates such as
 * {@code -5000-01-06} that no statutory process can have and PostgreSQL's date type cannot hold.
 * Process dates use {@link #EHCP_REGIME}; "not in the future" needs the council's clock and stays in the domain.
 */
@Documented
@Constraint(validatedBy = NotBefore.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBefore {

    /** 1 September 2014: Part 3 of the Children and Families Act 2014 (EHC plans) came into force. */
    String EHCP_REGIME = "2014-09-01";

    /** the earliest allowed date, ISO yyyy-mm-dd */
    String value();

    String message() default "must not be before {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<NotBefore, LocalDate> {
        private LocalDate floor;

        @Override
        public void initialize(NotBefore annotation) {
            floor = LocalDate.parse(annotation.value());
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || !date.isBefore(floor);
        }
    }
}
