package uk.nhs.strategycheck.shared;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text e-mail through the configured SMTP server (spring.mail.*); where none is
 * configured (local runs), writes the message to the log instead, so nothing is silently lost.
 * A failure to send is thrown (Spring's MailException), so the caller's transaction rolls back.
 */
@Component
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> smtp, @Value("${dsc.mail.from}") String from) {
        this.smtp = smtp;
        this.from = from;
    }

    public void send(List<String> to, String subject, String body) {
        var sender = smtp.getIfAvailable();
        if (sender == null) {
            LOG.info("No SMTP server configured; e-mail not sent.\nTo: {}\nSubject: {}\n\n{}",
                    String.join(", ", to), subject, body);
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }
}
