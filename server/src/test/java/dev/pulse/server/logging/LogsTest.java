package dev.pulse.server.logging;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.config.LogFormat;
import dev.pulse.server.config.LogLevel;
import dev.pulse.server.testing.CapturedStderr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two formats and the levels, in this JVM through SLF4J as the server logs: one line per
 * record whatever the message holds, the fields a collector needs, and nothing below the level.
 * (ShadedJarLogsIT proves the same of the shaded binary.)
 */
class LogsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(LogsTest.class);
    private static final String SID = "0123456789abcdef0123456789abcdef";

    @Test
    void shouldWriteOneJsonObjectPerRecordWithTimeLevelLoggerThreadAndMessage() throws Exception
    {
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.JSON, LogLevel.INFO);
            LOG.info("catalog reloaded: version {}", 7);

            final List<String> lines = stderr.linesWith(LogsTest.class.getName());
            assertThat(lines).hasSize(1);
            final JsonNode record = JSON.readTree(lines.get(0));
            assertThat(record.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(record.get("level").asText()).isEqualTo("INFO");
            assertThat(record.get("logger").asText()).isEqualTo(LogsTest.class.getName());
            assertThat(record.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
            assertThat(record.get("message").asText()).isEqualTo("catalog reloaded: version 7");
            assertThat(record.has("exception")).isFalse();
            assertThat(record.has(LogFields.CONNECTION)).isFalse();
        }
    }

    @Test
    void shouldKeepAMultiLineMessageAndAnExceptionInOneJsonRecord() throws Exception
    {
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.JSON, LogLevel.INFO);
            LOG.error("catalog reload rejected:\nline 2\r\nline 3", new IllegalStateException("boom\nsecond line"));

            final List<String> lines = stderr.linesWith(LogsTest.class.getName());
            assertThat(lines).hasSize(1);
            final JsonNode record = JSON.readTree(lines.get(0));
            assertThat(record.get("message").asText()).isEqualTo("catalog reload rejected:\nline 2\r\nline 3");
            final String exception = record.get("exception").asText();
            assertThat(exception).startsWith("java.lang.IllegalStateException: boom\nsecond line\n")
                .contains("\tat " + LogsTest.class.getName() + ".shouldKeepAMultiLineMessageAndAnExceptionInOneJsonRecord(");
        }
    }

    @Test
    void shouldWriteTextOnOneLineWithLineBreaksEscaped()
    {
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.TEXT, LogLevel.INFO);
            LOG.warn("catalog reload rejected:\nline 2\r\nline 3", new IllegalStateException("boom"));

            final List<String> lines = stderr.linesWith("LogsTest:");
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0))
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z WARN  \\[" + Thread.currentThread().getName() + "] LogsTest: .*")
                .contains("LogsTest: catalog reload rejected:\\nline 2\\r\\nline 3 java.lang.IllegalStateException: boom\\n\tat ")
                .doesNotContain("connection=");
        }
    }

    @Test
    void shouldWriteTheConnectionAndSessionKeyValuesAsFieldsOfTheirOwnInJson() throws Exception
    {
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.JSON, LogLevel.INFO);
            LOG.atInfo().addKeyValue(LogFields.CONNECTION, 42L).addKeyValue(LogFields.SESSION, SID).log("closing with {}", 1008);
            LOG.info("a line about no connection");

            final List<String> lines = stderr.linesWith(LogsTest.class.getName());
            assertThat(lines).hasSize(2);
            final JsonNode about = JSON.readTree(lines.get(0));
            assertThat(about.get("message").asText()).isEqualTo("closing with 1008");
            assertThat(about.get(LogFields.CONNECTION).asText()).isEqualTo("42");
            assertThat(about.get(LogFields.SESSION).asText()).isEqualTo(SID);
            final JsonNode after = JSON.readTree(lines.get(1));
            assertThat(after.has(LogFields.CONNECTION)).isFalse();
            assertThat(after.has(LogFields.SESSION)).isFalse();
        }
    }

    @Test
    void shouldAppendTheConnectionAndSessionKeyValuesInText()
    {
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.TEXT, LogLevel.INFO);
            LOG.atInfo().addKeyValue(LogFields.CONNECTION, 42L).log("closing before hello");
            LOG.atInfo().addKeyValue(LogFields.CONNECTION, 43L).addKeyValue(LogFields.SESSION, SID).log("closing after hello");
            LOG.info("a line about no connection");

            assertThat(stderr.linesWith("closing before hello")).singleElement().asString().endsWith("closing before hello connection=42");
            assertThat(stderr.linesWith("closing after hello")).singleElement().asString()
                .endsWith("closing after hello connection=43 session=" + SID);
            assertThat(stderr.linesWith("a line about no connection")).singleElement().asString().endsWith("LogsTest: a line about no connection");
        }
    }

    @ParameterizedTest
    @EnumSource(LogLevel.class)
    void shouldWriteOnlyRecordsAsSevereAsTheLevelOrMore(final LogLevel level)
    {
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.TEXT, level);
            LOG.error("at error");
            LOG.warn("at warn");
            LOG.info("at info");
            LOG.debug("at debug");
            LOG.trace("at trace");

            final Set<LogLevel> written = EnumSet.noneOf(LogLevel.class);
            for (final LogLevel each : LogLevel.values())
            {
                if (!stderr.linesWith("LogsTest: at " + each.key()).isEmpty())
                {
                    written.add(each);
                }
            }
            assertThat(written).isEqualTo(EnumSet.range(LogLevel.ERROR, level));
        }
    }

    @Test
    void shouldKeepTheLibrariesAtWarnWhenPulseLogsDebug()
    {
        try (CapturedStderr stderr = new CapturedStderr())
        {
            Logs.apply(LogFormat.TEXT, LogLevel.DEBUG);
            final Logger netty = LoggerFactory.getLogger("io.netty.channel.SomeHandler");
            netty.info("netty at info");
            netty.warn("netty at warn");

            assertThat(stderr.linesWith("netty at info")).isEmpty();
            assertThat(stderr.linesWith("netty at warn")).hasSize(1);
        }
    }

    @Test
    void shouldRefuseAConfigurationWhoseWriterCannotBeBuilt()
    {
        final ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.OFF);
        builder.add(builder.newAppender(LogConfigurations.APPENDER, "Console")
            // As in a shaded jar whose plugin caches were not merged: the layout's plugin is not found.
            .add(builder.newLayout("NoSuchLayout")));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef(LogConfigurations.APPENDER)));

        try (CapturedStderr stderr = new CapturedStderr())
        {
            assertThatThrownBy(() -> Logs.start(builder.build(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not be built");
            LOG.error("into a configuration without its writer");
            assertThat(stderr.linesWith("into a configuration without its writer")).as("what the refusal prevents").isEmpty();
        }
    }
}
