package org.openetp.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.DecimalBounds;
import org.openetp.shared.Decimals;
import org.openetp.shared.PlainText;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The checks every JSON request passes where it is read, so no module sees what no column can keep: text without
 * control characters ({@link PlainText}), in values, map keys and untyped settings alike, and decimals within their
 * {@link Decimals} bounds.
 */
final class JsonInputChecks {

    private JsonInputChecks() {
    }

    static SimpleModule module() {
        return new SimpleModule("openetp-input-checks")
                .addDeserializer(String.class, new Text())
                .addKeyDeserializer(String.class, new TextKey())
                .addDeserializer(BigDecimal.class, new Decimal(Decimals.MONEY_INTEGER, 2));
    }

    /** Strings as Jackson reads them, refused when they carry a control character. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null && !PlainText.acceptable(text)) {
                throw new RefusedInput(p, String.class, "input.control");
            }
            return text;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Map keys, refused like values. */
    static final class TextKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (!PlainText.acceptable(key)) {
                throw new RefusedInput(ctxt.getParser(), String.class, "input.control");
            }
            return key;
        }
    }

    /** Exact decimals within the digits their column keeps: more decimals are refused, never rounded away. */
    static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        private final int integer;
        private final int fraction;

        Decimal(int integer, int fraction) {
            super(BigDecimal.class);
            this.integer = integer;
            this.fraction = fraction;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
            Decimals bounds = property == null ? null : property.getAnnotation(Decimals.class);
            return bounds == null ? this : new Decimal(bounds.integer(), bounds.fraction());
        }

        @Override
        public @Nullable BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            String refused = DecimalBounds.violation(value, integer, fraction);
            if (refused != null) {
                throw new RefusedInput(p, BigDecimal.class, refused,
                        refused.endsWith("fraction") ? fraction : integer);
            }
            return value;
        }
    }
}
