package cn.anju.shared.privacy;

import cn.anju.support.TestClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseIdNumberTest {

    @Provide
    Arbitrary<String> validNumbers() {
        return IdNumbers.valid();
    }

    @Property
    void everyWellFormedNumberIsAccepted(@ForAll("validNumbers") String number) {
        assertThat(ChineseIdNumber.check(number, TestClock.today())).isEmpty();
        assertThat(ChineseIdNumber.isValid(number.toLowerCase(), TestClock.today())).isTrue(); // a typed lower-case x is fine
    }

    @Property
    void anySingleMistypedDigitIsCaught(@ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 16) int position,
                                         @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] chars = number.toCharArray();
        chars[position] = (char) ('0' + (chars[position] - '0' + shift) % 10);
        assertThat(ChineseIdNumber.isValid(new String(chars), TestClock.today())).isFalse();
    }

    @Property
    void aWrongCheckCharacterSaysWhichCharacterToCheck(@ForAll("validNumbers") String number,
                                                        @ForAll("checkCharacters") char other) {
        if (other == number.charAt(17)) {
            return;
        }
        String wrong = number.substring(0, 17) + other;
        assertThat(ChineseIdNumber.check(wrong, TestClock.today())).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo("ID_NUMBER_CHECK_DIGIT");
            assertThat(p.message()).isEqualTo("身份证号校验位错误，请核对第18位。");
        });
    }

    @Provide
    Arbitrary<Character> checkCharacters() {
        return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Test
    void theStandardsExampleAndHistoricalYulinCodesAreValid() {
        assertThat(ChineseIdNumber.isValid("11010519491231002X", TestClock.today())).isTrue();
        assertThat(ChineseIdNumber.isValid(IdNumbers.of("612701", LocalDate.of(1965, 3, 8), 17), TestClock.today())).isTrue();
        assertThat(ChineseIdNumber.isValid(IdNumbers.of("610821", LocalDate.of(1978, 11, 30), 42), TestClock.today())).isTrue();
    }

    @Test
    void eachKindOfMistakeHasItsOwnMessage() {
        assertThat(ChineseIdNumber.check("61080219800101", TestClock.today())).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("ID_NUMBER_LENGTH"));
        assertThat(ChineseIdNumber.check("61080219800101A23X", TestClock.today())).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("ID_NUMBER_FORMAT"));
        assertThat(ChineseIdNumber.check("990802198001010010", TestClock.today())).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("ID_NUMBER_AREA"));
        assertThat(ChineseIdNumber.check("610802198002300010", TestClock.today())).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("ID_NUMBER_BIRTH_DATE"));
        assertThat(ChineseIdNumber.check(" ", TestClock.today())).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("ID_NUMBER_REQUIRED"));
    }

    @Test
    void masksKeepOnlyWhatIdentifiesNobody() {
        assertThat(Masks.idNumber("610802198001011234")).isEqualTo("610802********1234");
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.name("张三")).isEqualTo("张*");
        assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧阳**");
    }
}
