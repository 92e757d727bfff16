package uk.hearth.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.infrastructure.Redaction;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** For the HTML forms: when the database cannot take a message, say so plainly with a 503 page. */
@ControllerAdvice(annotations = Controller.class)
class FormExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FormExceptionHandler.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    String databaseDown(RuntimeException e, Model model, HttpServletResponse response) {
        log.error("Database unavailable; form answered 503: {}", Redaction.mask(e.toString()));
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        model.addAttribute("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "error";
    }
}
