package com.swanstudios.user;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.swanstudios.platform.infra.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) for the tests, started once; what user-service mails lands in its inbox. */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail smtp;

    @Override
    public synchronized Map<String, String> start() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(EmbeddedKafkaBroker.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // one server for the whole test run, like the database and the broker
    }

    /** Every mail received so far for this address, oldest first. */
    public static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The token of the last link of this kind ({@code verify-email} or {@code reset-password}) mailed to the address. */
    public static String lastToken(String address, String linkPath) {
        List<MimeMessage> mails = mailTo(address);
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher link = Pattern.compile("/" + linkPath + "\\?token=([A-Za-z0-9_-]+)").matcher(body(mails.get(i)));
            if (link.find()) {
                return link.group(1);
            }
        }
        return null;
    }

    private static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(multipart.getBodyPart(i).getContent());
                }
                return all.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
