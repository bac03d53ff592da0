package uk.nhs.strategycheck.shared;

import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text e-mail through the configured SMTP server (spring.mail.*); where none is
 * configured (local runs), logs that it was not sent, and at DEBUG (on for local runs only) the
 * message itself, so nothing is silently lost. A failure to send is thrown (Spring's
 * MailException), so the caller's transaction rolls back. Addresses and bodies are personal data:
 * no log line at INFO or above, and no exception thrown from here, carries them.
 */
@Component
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");

    private final ObjectProvider<JavaMailSender> smtp;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> smtp, @Value("${dsc.mail.from}") String from) {
        this.smtp = smtp;
        this.from = from;
    }

    public void send(List<String> to, String subject, String body) {
        var sender = smtp.getIfAvailable();
        if (sender == null) {
            LOG.warn("No SMTP server configured: e-mail \"{}\" not sent (recipients: {})", subject, to.size());
            LOG.debug("The e-mail not sent:\nTo: {}\nSubject: {}\n\n{}", String.join(", ", to), subject, body);
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException failed) {
            // The SMTP server's answer may quote the recipients' addresses: keep the reason, not them.
            var reason = ADDRESS.matcher(String.valueOf(failed.getMessage())).replaceAll("[address]");
            LOG.error("E-mail \"{}\" not sent (recipients: {}): {}", subject, to.size(), reason);
            throw new MailSendException(reason);
        }
    }
}
