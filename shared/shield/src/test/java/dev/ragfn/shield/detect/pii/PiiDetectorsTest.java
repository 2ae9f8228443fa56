package dev.ragfn.shield.detect.pii;

import dev.ragfn.shield.detect.Found;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PiiDetectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "billing+acme@finance.example.co.uk", "J.Smith_99@mail.example.org"})
    void should_find_email_when_text_contains_an_address(String email) {
        // given
        String text = "Write to " + email + ". Thanks";

        // when / then
        assertThat(Found.in(PiiDetectors.email(), text)).containsExactly(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@Override public void run()", "npm i @angular/core@17.2.1", "psql postgres@localhost", "x = a@b.T"})
    void should_find_no_email_when_at_sign_is_code(String text) {
        assertThat(Found.in(PiiDetectors.email(), text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+1 (415) 555-2671", "(212) 555-0199", "415.555.0123", "020 7946 0958",
            "+33 1 42 68 53 00", "+18005550199"})
    void should_find_phone_when_text_contains_a_dialable_number(String phone) {
        // given
        String text = "Call " + phone + " today.";

        // when / then
        assertThat(Found.in(PiiDetectors.phone(), text)).containsExactly(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"on 2024-01-15 at 10:30", "order 1234567890", "version 3.11.4", "ISBN 978-3-16-148410-0",
            "1,234,567 dollars", "15/01/2024", "host 192.168.1.10"})
    void should_find_no_phone_when_digits_are_dates_amounts_or_ids(String text) {
        assertThat(Found.in(PiiDetectors.phone(), text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "5500-0055-5555-5559", "378282246310005", "6011111111111117"})
    void should_find_card_when_number_passes_luhn(String card) {
        assertThat(Found.in(PiiDetectors.paymentCard(), "card " + card + " exp 12/27")).containsExactly(card);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "1234567812345670", "0000 0000 0000 0000", "12345678901234567890123"})
    void should_find_no_card_when_number_fails_luhn_or_issuer_rules(String number) {
        assertThat(Found.in(PiiDetectors.paymentCard(), "ref " + number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606",
            "CH93 0076 2011 6238 5295 7"})
    void should_find_iban_when_check_digits_are_valid(String iban) {
        assertThat(Found.in(PiiDetectors.iban(), "Pay to " + iban + ", thanks")).containsExactly(iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE88 3704 0044 0532 0130 00", "GB83WEST12345698765432", "DE89 3704 0044 0532 0130"})
    void should_find_no_iban_when_checksum_or_length_is_wrong(String iban) {
        assertThat(Found.in(PiiDetectors.iban(), "Pay to " + iban)).isEmpty();
    }

    @Test
    void should_find_ssn_when_number_is_in_an_issuable_range() {
        assertThat(Found.in(PiiDetectors.usSsn(), "SSN 536-22-1234 and 212 67 9034")).containsExactly("536-22-1234", "212 67 9034");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-34-5678", "536-00-1234", "536-22-0000", "123-45-6789", "078-05-1120"})
    void should_find_no_ssn_when_number_is_never_issued(String number) {
        assertThat(Found.in(PiiDetectors.usSsn(), "SSN " + number)).isEmpty();
    }

    @Test
    void should_find_nino_when_prefix_is_allocated() {
        assertThat(Found.in(PiiDetectors.ukNino(), "NI AB123456C and JG 10 37 59 A")).containsExactly("AB123456C", "JG 10 37 59 A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ123456C", "GB123456A", "AB123456E", "BA123456"})
    void should_find_no_nino_when_prefix_or_suffix_is_not_allocated(String text) {
        assertThat(Found.in(PiiDetectors.ukNino(), text)).isEmpty();
    }

    @Test
    void should_find_ipv4_when_octets_are_in_range() {
        assertThat(Found.in(PiiDetectors.ipv4(), "hosts 192.168.1.10, 8.8.8.8.")).containsExactly("192.168.1.10", "8.8.8.8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "v1.2.3", "1.2.3.4.5", "3.14159"})
    void should_find_no_ipv4_when_not_an_address(String text) {
        assertThat(Found.in(PiiDetectors.ipv4(), text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::8a2e:370:7334", "fe80::1ff:fe23:4567:890a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "::ffff:192.0.2.128", "::1"})
    void should_find_ipv6_when_address_is_well_formed(String address) {
        assertThat(Found.in(PiiDetectors.ipv6(), "host " + address + " up")).containsExactly(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at 12:30:45", "MAC 00:1A:2B:3C:4D:5E", "std::vector", "ratio 16:9", "1::2::3"})
    void should_find_no_ipv6_when_colons_mean_something_else(String text) {
        assertThat(Found.in(PiiDetectors.ipv6(), text)).isEmpty();
    }
}
