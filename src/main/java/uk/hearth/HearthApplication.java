package uk.hearth;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import uk.hearth.tools.TriageEvaluation;
import uk.hearth.tools.TriageTraining;

@SpringBootApplication
public class HearthApplication {
    public static void main(String[] args) {
        // A tool, not the service: no Spring context, no database, no network.
        if (args.length > 0 && args[0].equals("triage-eval")) {
            System.exit(TriageEvaluation.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("triage-train")) {
            System.exit(TriageTraining.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(HearthApplication.class, args);
    }
}
