package org.ehcptracker.reporting.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A set of ids as one text column: the ids sorted and comma-separated ({@code ''} when empty), so that the
 * same set is always stored as the same text.
 */
@Converter
public class UuidSetConverter implements AttributeConverter<Set<UUID>, String> {

    @Override
    public String convertToDatabaseColumn(Set<UUID> ids) {
        return ids == null ? "" : ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<UUID> convertToEntityAttribute(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
    }
}
