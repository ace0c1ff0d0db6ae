package org.ehcptracker.kit.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies name an enum constant, never its position: Jackson would otherwise read
 * {@code "refusalReason": 0} as the first code, so a number typed by mistake would become a published
 * reason. A number for an enum is a 400 naming the field, like any other value that is not a constant.
 */
@Singleton
public class StrictEnums implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
