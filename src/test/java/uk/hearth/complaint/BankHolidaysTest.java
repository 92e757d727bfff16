package uk.hearth.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BankHolidaysTest {

    private static final Path DATA = Path.of("config/bank-holidays-england-and-wales.csv");

    @Test
    void realDataFileHasEightWeekdayHolidaysPerYear() {
        Set<LocalDate> dates = BankHolidays.load(DATA);

        assertThat(dates).hasSize(32);
        for (int year = 2025; year <= 2028; year++) {
            int y = year;
            assertThat(dates).filteredOn(d -> d.getYear() == y).as("holidays in %d", y).hasSize(8);
        }
        assertThat(dates).allSatisfy(d -> assertThat(d.getDayOfWeek())
                .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(dates).contains(
                LocalDate.of(2026, 12, 28),  // Boxing Day substitute
                LocalDate.of(2027, 12, 27),  // Christmas Day substitute
                LocalDate.of(2027, 12, 28),  // Boxing Day substitute
                LocalDate.of(2028, 1, 3));   // New Year's Day substitute
        assertThat(dates).doesNotContain(LocalDate.of(2026, 12, 26), LocalDate.of(2028, 1, 1));
    }

    @Test
    void ignoresCommentsBlankLinesAndHeader() throws Exception {
        String csv = """
                # a comment
                date,name

                2026-12-25,Christmas Day
                  # indented comment
                2026-12-28,Boxing Day (substitute day)
                """;

        assertThat(BankHolidays.parse(new StringReader(csv)))
                .containsExactlyInAnyOrder(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    }

    @Test
    void malformedDateNamesTheLine() {
        String csv = "date,name\n2026-12-25,Christmas Day\n2026-13-01,Nonsense\n";

        assertThatThrownBy(() -> BankHolidays.parse(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("2026-13-01,Nonsense");
    }

    @Test
    void lineWithoutNameIsRejected() {
        assertThatThrownBy(() -> BankHolidays.parse(new StringReader("2026-12-25\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("2026-12-25");
    }

    @Test
    void missingFileGivesClearError() {
        Path missing = Path.of("config/no-such-bank-holidays.csv");

        assertThatThrownBy(() -> BankHolidays.load(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("no-such-bank-holidays.csv");
    }
}
