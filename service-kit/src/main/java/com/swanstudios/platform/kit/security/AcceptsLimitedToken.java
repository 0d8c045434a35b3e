package com.swanstudios.platform.kit.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation (or every operation of a resource) that also accepts a limited token of this scope
 * ({@link AccessTokenClaims#SCOPE}); every other operation refuses such a token ({@link LimitedTokenFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AcceptsLimitedToken {

    /** The scope accepted. */
    String value();
}
