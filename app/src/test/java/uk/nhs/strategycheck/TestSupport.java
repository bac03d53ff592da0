package uk.nhs.strategycheck;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
class TestSupport {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    SignIn signIn(org.springframework.security.core.userdetails.UserDetailsService users) {
        return new SignIn(users);
    }
}
