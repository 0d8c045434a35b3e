package com.swanstudios.user.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One structured line per security-relevant act, on the logger {@value #CATEGORY}: what happened, who acted,
 * on whom, how it ended, and from where. In production the JSON log carries each as its own field (MDC
 * {@code audit.*}), so a collector can alert on them; the message repeats them for a human. Never passwords,
 * tokens, codes or email addresses: ids only.
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "swan.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /** What happened, as it appears in {@code audit.event}. */
    public enum Event {
        SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, REFRESH_TOKEN_REUSE, SIGN_OUT, SIGN_OUT_EVERYWHERE,
        ROLE_CHANGE, STATUS_CHANGE, KEY_ROTATION, PASSWORD_CHANGE, PASSWORD_RESET, MFA_CHANGE, ERASURE, REGISTRATION;

        String field() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public void record(Event event, UUID actor, UUID subject, String outcome, Map<String, String> details) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("audit.event", event.field());
        fields.put("audit.actor", actor == null ? "anonymous" : actor.toString());
        fields.put("audit.subject", subject == null ? "none" : subject.toString());
        fields.put("audit.outcome", outcome);
        // details may hold text someone typed (a suspension's reason): one line, whatever it holds
        details.forEach((key, value) -> fields.put("audit." + key, value.replaceAll("\\p{Cntrl}", " ")));
        fields.forEach(MDC::put);
        try {
            LOG.info(fields.entrySet().stream().map(e -> e.getKey().substring("audit.".length()) + "=" + e.getValue())
                    .collect(Collectors.joining(" ", "audit ", "")));
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    public void record(Event event, UUID actor, UUID subject, String outcome) {
        record(event, actor, subject, outcome, Map.of());
    }
}
