package com.swanstudios.storefront.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** {@code fixed}: a number of sessions; {@code monthly}: months x sessions per week x 4. */
public enum PackageType {
    FIXED, MONTHLY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PackageType fromWire(String value) {
        for (PackageType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("packageType must be one of fixed, monthly");
    }
}
