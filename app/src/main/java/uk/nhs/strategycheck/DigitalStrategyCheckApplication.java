package uk.nhs.strategycheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class DigitalStrategyCheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(DigitalStrategyCheckApplication.class, args);
    }
}
