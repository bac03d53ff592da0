package uk.nhs.strategycheck.shared;

import java.util.List;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** The mailer as it runs where no SMTP server is configured (the tests configure one: GreenMail). */
public final class MailerWithoutSmtp {

    private MailerWithoutSmtp() {
    }

    public static void send(List<String> to, String subject, String body) {
        new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "sender@test.example")
                .send(to, subject, body);
    }
}
