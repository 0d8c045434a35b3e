package com.swanstudios.cart.payments;

import com.swanstudios.platform.kit.problem.DomainException;

/** The payment provider could not be reached or refused a call: 503, nothing of the caller's changed for good. */
public class ProviderUnavailableException extends DomainException {

    public ProviderUnavailableException(String detail, Throwable cause) {
        super(503, "payment-provider-unavailable", "Service Unavailable", detail);
        if (cause != null) {
            initCause(cause);
        }
    }
}
