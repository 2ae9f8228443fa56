package dev.ragfn.shield.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void should_fold_width_case_accents_leetspeak_and_spaces_when_normalizing() {
        assertThat(TextNormalizer.normalize("Ｈｅｌｌｏ  Wörld\u200B 1337 ﬁne").text()).isEqualTo("hello world ieet fine");
    }

    @Test
    void should_map_every_normalized_character_back_to_its_source_when_text_expands() {
        // given: the ligature ﬁ becomes two characters
        String text = "a ﬁ b";

        // when
        NormalizedText normalized = TextNormalizer.normalize(text);
        Finding fi = normalized.toOriginal(2, 4, "fi");

        // then
        assertThat(normalized.text()).isEqualTo("a fi b");
        assertThat(text.substring(fi.start(), fi.end())).isEqualTo("ﬁ");
    }
}
