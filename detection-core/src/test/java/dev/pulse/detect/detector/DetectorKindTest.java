package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.PageKinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorKindTest
{
    private static final DetectorSite SITE = new DetectorSite(PageKinds.KEY_PAGES, PageKinds.CART, PageKinds.CHECKOUT, new long[0]);

    @Test
    void shouldBuildEveryKindAtItsDefaults()
    {
        for (final DetectorKind kind : DetectorKind.values())
        {
            assertThat(kind.createAtDefaults(SITE).kind()).isEqualTo(kind);
            assertThat(kind.defaults()).hasSize(kind.thresholds().size());
        }
    }

    @Test
    void shouldFindEachKindByItsCatalogName()
    {
        for (final DetectorKind kind : DetectorKind.values())
        {
            assertThat(DetectorKind.fromCatalogName(kind.catalogName())).isSameAs(kind);
        }
        assertThat(DetectorKind.fromCatalogName("rage_clicks")).isNull();
    }

    @Test
    void shouldRefuseTheWrongNumberOfThresholdValues()
    {
        assertThatThrownBy(() -> DetectorKind.BACK_AND_FORTH.create(new long[] {3}, SITE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("back_and_forth takes 2 threshold values, not 1");
    }

    @Test
    void shouldRefuseAValueOutsideItsThresholdsRange()
    {
        assertThatThrownBy(() -> DetectorKind.BACK_AND_FORTH.create(new long[] {1, 90_000}, SITE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("back_and_forth.backs = 1 outside [2, ");
    }

    @Test
    void shouldTellWhichPagesEachKindCanFireOn()
    {
        assertThat(DetectorKind.IDLE_ON_KEY_PAGE.pages()).isEqualTo(DetectorKind.Pages.KEY_PAGES);
        assertThat(DetectorKind.EXIT_INTENT.pages()).isEqualTo(DetectorKind.Pages.KEY_PAGES);
        assertThat(DetectorKind.CART_CHECKOUT_LOOP.pages()).isEqualTo(DetectorKind.Pages.CART_AND_CHECKOUT);
        assertThat(DetectorKind.RAGE_CLICK.pages()).isEqualTo(DetectorKind.Pages.ANY);
    }
}
