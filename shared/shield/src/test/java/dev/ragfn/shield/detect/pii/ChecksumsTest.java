package dev.ragfn.shield.detect.pii;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTest {

    @Test
    void should_accept_number_when_luhn_sum_is_a_multiple_of_ten() {
        assertThat(Luhn.isValid("79927398713")).isTrue();
        assertThat(Luhn.isValid("4111-1111-1111-1111")).isTrue();
    }

    @Test
    void should_reject_number_when_one_digit_changes() {
        assertThat(Luhn.isValid("79927398710")).isFalse();
        assertThat(Luhn.isValid("")).isFalse();
    }

    @Test
    void should_accept_iban_when_mod97_is_one_and_length_fits_country() {
        assertThat(IbanChecksum.isValid("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(IbanChecksum.isValid("NL91ABNA0417164300")).isTrue();
    }

    @Test
    void should_reject_iban_when_length_does_not_fit_country() {
        assertThat(IbanChecksum.isValid("NL91ABNA04171643000")).isFalse();
    }
}
