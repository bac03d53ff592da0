package uk.nhs.strategycheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DigitalStrategyCheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(DigitalStrategyCheckApplication.class, args);
    }
}
