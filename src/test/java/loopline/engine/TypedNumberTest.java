package loopline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers typed the way the window writes them, or the way a file does. */
class TypedNumberTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "1000; 1000", "1,000; 1000", "1,234,567.5; 1234567.5", "1_000_000; 1000000", "70e9; 70e9", "1.5e6; 1.5e6",
        "40M; 40e6", "2k; 2000", "1.5B; 1.5e9", "2T; 2e12", "3 k; 3000", " 7 ; 7", "0.42; 0.42", ".5; 0.5", "−3; -3", "-2.5k; -2500", "45%; 0.45"})
    void readsWhatPeopleType(String typed, double value) {
        assertThat(TypedNumber.parse(typed)).isEqualTo(value);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "abc", "1,00", "1,0000", "1.2.3", "k", "$5", "1e999", "NaN", "Infinity", "5 GB", "1,5", "_"})
    void refusesWhatIsNotANumber(String typed) {
        assertThat(TypedNumber.parse(typed)).isNaN();
    }
}
