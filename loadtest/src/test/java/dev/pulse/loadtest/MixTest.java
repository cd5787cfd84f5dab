package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@code --mix}: the weights it reads, the draws they make, and every malformed form refused by name. */
class MixTest
{
    @Test
    void readsWeightsAndLeavesUnnamedJourneysOut()
    {
        final Mix mix = Mix.parse("browse=50, back_and_forth=50");

        assertThat(mix.weight(Journey.BROWSE)).isEqualTo(50);
        assertThat(mix.weight(Journey.BACK_AND_FORTH)).isEqualTo(50);
        assertThat(mix.weight(Journey.IDLE)).isZero();
        assertThat(mix).hasToString("browse=50,back_and_forth=50");
    }

    @Test
    void drawsOnlyJourneysWithWeightInProportion()
    {
        final Mix mix = Mix.parse("browse=3,rage_click=1,idle=0");
        final SplittableRandom random = new SplittableRandom(7);
        int browse = 0;
        for (int i = 0; i < 40_000; i++)
        {
            final Journey journey = mix.draw(random);
            assertThat(journey).isIn(Journey.BROWSE, Journey.RAGE_CLICK);
            browse += journey == Journey.BROWSE ? 1 : 0;
        }
        assertThat(browse).isBetween(29_000, 31_000);
    }

    @Test
    void defaultsToEveryJourneyEqually()
    {
        final Mix mix = Mix.everyJourney();

        for (final Journey journey : Journey.values())
        {
            assertThat(mix.weight(journey)).isEqualTo(1);
        }
        assertThat(mix.toString()).contains("browse=1", "idle=1", "exit_intent=1");
    }

    @Test
    void knowsABrowseOnlyMixFromOneThatCanBeAsked()
    {
        assertThat(Mix.parse("browse=1").browseOnly()).isTrue();
        assertThat(Mix.parse("browse=5,idle=0").browseOnly()).isTrue();
        assertThat(Mix.parse("browse=99,rage_click=1").browseOnly()).isFalse();
        assertThat(Mix.parse("idle=1").browseOnly()).isFalse();
        assertThat(Mix.everyJourney().browseOnly()).isFalse();
    }

    @Test
    void refusesWhatIsNotAMix()
    {
        assertThatThrownBy(() -> Mix.parse("browse")).hasMessageContaining("not journey=weight");
        assertThatThrownBy(() -> Mix.parse("shopping=3")).hasMessageContaining("unknown journey 'shopping'");
        assertThatThrownBy(() -> Mix.parse("browse=1,browse=2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Mix.parse("browse=x")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> Mix.parse("browse=-1")).hasMessageContaining("must be in [0, 1000000]");
        assertThatThrownBy(() -> Mix.parse("browse=0,idle=0")).hasMessageContaining("at least one journey");
    }
}
