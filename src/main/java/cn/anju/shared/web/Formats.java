package cn.anju.shared.web;

import cn.anju.shared.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * The display formats of UI.md, as a bean for templates ({@code ${@fmt.date(x)}}): dates {@code 2026-11-26},
 * date-times {@code 2026-11-26 14:05} in the city's zone (the {@code Clock}'s), money {@code ¥1,234.56}, areas {@code 56.30㎡},
 * percentages with one decimal {@code 95.2%}.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Formats(Clock clock) {
        this.zone = clock.getZone();
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(TemporalAccessor instant) {
        if (instant == null) {
            return "";
        }
        if (instant instanceof OffsetDateTime odt) {
            return DATE_TIME.format(odt.atZoneSameInstant(zone));
        }
        if (instant instanceof Instant i) {
            return DATE_TIME.format(i.atZone(zone));
        }
        return DATE_TIME.format(instant);
    }

    public String money(Money money) {
        return money == null ? "" : money.formatted();
    }

    /** A yuan amount from the database as pages show money: ¥1,234.56 (rounded to the fen if it carries more). */
    public String yuan(BigDecimal amount) {
        return amount == null ? "" : Money.rounded(amount).formatted();
    }

    /** The same without the currency sign, for columns whose header names the unit: 1,234.56. */
    public String amount(BigDecimal amount) {
        return amount == null ? "" : Money.rounded(amount).formatted().replace("¥", "");
    }

    /** An amount kept in fen (a long) as pages show money: ¥1,234.56. */
    public String fen(Long fen) {
        return fen == null ? "" : Money.fen(fen).formatted();
    }

    public String area(BigDecimal squareMetres) {
        return squareMetres == null ? "" : squareMetres.setScale(2, RoundingMode.HALF_UP).toPlainString() + "㎡";
    }

    public String percent(BigDecimal ratio) {
        return ratio == null ? "" : ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
    }
}
