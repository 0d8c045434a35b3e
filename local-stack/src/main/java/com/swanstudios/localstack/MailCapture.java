package com.swanstudios.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's mail server: an SMTP server (GreenMail) that delivers nowhere and keeps every mail the
 * platform sends as a text file in {@code <data>/mail/} (headers, then the decoded body), named by time, so a
 * developer can open the verification or reset link a sign-up or reset just sent
 * ({@code grep -h token= .data/mail/*}).
 */
final class MailCapture implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail smtp;
    private final Path directory;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-capture");
        thread.setDaemon(true);
        return thread;
    });
    private int written;

    private MailCapture(GreenMail smtp, Path directory) {
        this.smtp = smtp;
        this.directory = directory;
    }

    static MailCapture start(int port, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        MailCapture capture = new MailCapture(smtp, directory);
        capture.writer.scheduleWithFixedDelay(capture::writeNew, 200, 200, TimeUnit.MILLISECONDS);
        return capture;
    }

    Path directory() {
        return directory;
    }

    private synchronized void writeNew() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; written < received.length; written++) {
            MimeMessage message = received[written];
            try {
                Address[] to = message.getAllRecipients();
                String recipient = to == null || to.length == 0 ? "unknown" : to[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
                Path file = directory.resolve(String.format("%s-%04d-%s.txt", LocalDateTime.now().format(STAMP), written + 1, recipient));
                Object content = message.getContent();
                Files.writeString(file, "From: " + java.util.Arrays.toString(message.getFrom()) + "\nTo: " + java.util.Arrays.toString(to)
                        + "\nSubject: " + message.getSubject() + "\nDate: " + message.getSentDate() + "\n\n"
                        + (content instanceof String text ? text : String.valueOf(content)));
            } catch (Exception e) {
                System.err.println("mail capture: cannot keep a mail: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNew();
        smtp.stop();
    }
}
