package io.hunterreferrals.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;

/**
 * {@code skipped_reasons} / {@code failed_reasons} of {@code sync_runs} and {@code dynamics_push_runs}: JSON objects
 * reason code → count.
 */
final class ReasonsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Integer>> MAP = new TypeReference<>() {};

    private ReasonsJson() {}

    static JSONB write(Map<String, Integer> counts) {
        try {
            // a push's reasons are the CRM's codes: one with a NUL would make jsonb refuse the whole report
            return JSONB.valueOf(PostgresText.json(JSON.writeValueAsString(counts)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings to integers is always JSON", e);
        }
    }

    static Map<String, Integer> read(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json.data(), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored reasons value is not an object of counts", e);
        }
    }
}
