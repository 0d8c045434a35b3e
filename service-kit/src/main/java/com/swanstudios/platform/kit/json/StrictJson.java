package com.swanstudios.platform.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How every service reads JSON: a body is one JSON value and nothing after it ({@code {"a":1}}} is refused,
 * not read as {@code {"a":1}}), and no string may hold what PostgreSQL cannot store or UTF-8 cannot encode
 * (NUL, unpaired surrogates): such a request gets a 400 naming the field before anything is written, instead
 * of a database error or a silently altered value.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** A string value that could not be stored as it was sent. */
    public static final class UnstorableText extends MismatchedInputException {

        private final String reason;

        UnstorableText(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("swan-strict-json").addDeserializer(String.class, new StorableStrings()));
    }

    /** The reason a text cannot be stored as it is, or null when it can. */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is not text";
            }
        }
        return null;
    }

    private static final class StorableStrings extends StdScalarDeserializer<String> {

        StorableStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String reason = value == null ? null : unstorable(value);
            if (reason != null) {
                throw new UnstorableText(parser, reason);
            }
            return value;
        }
    }
}
