package dev.pulse.journal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalRecordTypeTest
{
    @Test
    void shouldKeepTheOnDiskCodesStable()
    {
        assertThat(JournalRecordType.values()).extracting(JournalRecordType::code)
            .containsExactly((short)1, (short)2, (short)3, (short)4, (short)5, (short)6, (short)7, (short)8, (short)9, (short)10, (short)11, (short)12,
                (short)13, (short)14, (short)15);
    }

    @Test
    void shouldFindEveryTypeByCodeAndNothingElse()
    {
        for (final JournalRecordType type : JournalRecordType.values())
        {
            assertThat(JournalRecordType.fromCode(type.code())).isSameAs(type);
        }
        assertThat(JournalRecordType.fromCode(0)).isNull();
        assertThat(JournalRecordType.fromCode(16)).isNull();
        assertThat(JournalRecordType.fromCode(-1)).isNull();
        assertThat(JournalRecordType.fromCode(65535)).isNull();
    }
}
