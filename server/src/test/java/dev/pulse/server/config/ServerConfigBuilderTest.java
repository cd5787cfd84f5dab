package dev.pulse.server.config;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.net.AddressRanges;

import static org.assertj.core.api.Assertions.assertThat;

class ServerConfigBuilderTest
{
    @Test
    void shouldBuildTheConfigItStartedFromWhenNothingChanges()
    {
        assertThat(ServerConfig.defaults().toBuilder().build()).isEqualTo(ServerConfig.defaults());
    }

    /** The journal Pulse opens (and the floor benchmark's) takes every journal setting from the config, none from elsewhere. */
    @Test
    void shouldGiveTheJournalItsSettingsFromTheConfig()
    {
        final JournalConfiguration journal = ServerConfig.defaults().toBuilder().fsyncPolicy(FsyncPolicy.ALWAYS).fsyncIntervalMs(7)
            .journalSegmentBytes(1L << 21).journalBufferBytes(1 << 16).journalSearchText(true).build().journalConfiguration();
        assertThat(journal).isEqualTo(new JournalConfiguration(FsyncPolicy.ALWAYS, 7, 1L << 21, 1 << 16, true, null));
    }

    /** A setter wired to the wrong field would change another setting, or none: each must change its own alone. */
    @Test
    void shouldChangeOnlyTheSettingItsSetterNames() throws Exception
    {
        final ServerConfig defaults = ServerConfig.defaults();
        for (final RecordComponent component : ServerConfig.class.getRecordComponents())
        {
            final Method setter = ServerConfigBuilder.class.getMethod(component.getName(), component.getType());
            final Object changed = otherThan(component.getAccessor().invoke(defaults), component.getType());
            final ServerConfig config = ((ServerConfigBuilder)setter.invoke(defaults.toBuilder(), changed)).build();
            for (final RecordComponent other : ServerConfig.class.getRecordComponents())
            {
                final Object value = other.getAccessor().invoke(config);
                if (other.getName().equals(component.getName()))
                {
                    assertThat(value).as(component.getName()).isEqualTo(changed);
                }
                else
                {
                    assertThat(value).as(other.getName() + " after setting " + component.getName())
                        .isEqualTo(other.getAccessor().invoke(defaults));
                }
            }
        }
    }

    private static Object otherThan(final Object value, final Class<?> type)
    {
        if (type == int.class || type == Integer.class)
        {
            return value == null ? 7 : (Integer)value + 7;
        }
        if (type == long.class)
        {
            return (Long)value + 7;
        }
        if (type == boolean.class || type == Boolean.class)
        {
            return value == null || !(Boolean)value;
        }
        if (type == String.class)
        {
            return value + "-changed";
        }
        if (type == Path.class)
        {
            return Path.of(value + "-changed");
        }
        if (type == AddressRanges.class)
        {
            return AddressRanges.parseOrNull("192.0.2.0/24");
        }
        if (type.isEnum())
        {
            // Any other constant of the same enum.
            final Object[] constants = type.getEnumConstants();
            return constants[0] == value ? constants[1] : constants[0];
        }
        if (type == SigningKey.class)
        {
            return SigningKey.parseOrNull("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        }
        throw new AssertionError("no other value for " + type);
    }
}
