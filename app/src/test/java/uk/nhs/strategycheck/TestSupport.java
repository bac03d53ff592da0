package uk.nhs.strategycheck;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
class TestSupport {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    SignIn signIn(uk.nhs.strategycheck.security.AccountService accounts,
                  uk.nhs.strategycheck.security.SecondFactorService secondFactor, TestDatabase database) {
        return new SignIn(accounts, secondFactor, database);
    }

    /**
     * An SMTP server on a free port of the loopback interface that keeps every e-mail the
     * application sends, for tests to read (application-test.yml names the host).
     */
    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        var greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    @Bean
    DynamicPropertyRegistrar smtpPort(GreenMail greenMail) {
        return registry -> registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }
}
