package cn.anju.shared.privacy;

import cn.anju.support.TestClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Generates valid resident ID numbers for property tests and for planting in requests. */
public final class IdNumbers {

    private static final String[] AREAS = {"610802", "610803", "610881", "612701", "610821", "110105", "440305",
            "510107", "650102", "820000"};

    private IdNumbers() {
    }

    /** A valid number from an area code, a birth date and a sequence. */
    public static String of(String area, LocalDate birth, int sequence) {
        String first17 = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    public static Arbitrary<String> valid() {
        return Combinators.combine(
                        Arbitraries.of(AREAS),
                        Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), TestClock.today().toEpochDay()),
                        Arbitraries.integers().between(0, 999))
                .as((area, day, seq) -> of(area, LocalDate.ofEpochDay(day), seq));
    }
}
