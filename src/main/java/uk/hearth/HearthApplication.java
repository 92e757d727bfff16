package uk.hearth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HearthApplication {
    public static void main(String[] args) {
        SpringApplication.run(HearthApplication.class, args);
    }
}
