package dev.pulse.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.pulse.catalog.model.Durations;
import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.TokenContext;
import dev.pulse.server.auth.VisitorId;
import dev.pulse.server.config.FileProblem;

/**
 * {@code pulse token}: mints a session token the way a site's backend does, for operators
 * (checking a key, a quick test against a signing server) and tests. Prints the token alone.
 */
@Command(name = "token", mixinStandardHelpOptions = false,
    description = {
        "Mints a signed session token for a server with a signing key: put it on the snippet's tag as data-token.",
        "Prints the token only; the session id is its second field."})
final class TokenCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--key-file", paramLabel = "FILE", required = true, description = "The site's signing key: " + SigningKey.EXPECTED + ".")
    private Path keyFile;

    @Option(names = "--site", paramLabel = "KEY", required = true, description = "The site key (the catalog's site.key).")
    private String site;

    @Option(names = "--sid", paramLabel = "SID", description = "The session id: 32 lower-case hex characters (default: a new random one).")
    private String sid;

    @Option(names = "--visitor", paramLabel = "VID",
        description = "The site's own visitor id (1-64 of A-Z a-z 0-9 - _), signed into the token: the holdout is drawn for it.")
    private String visitor;

    @Option(names = "--ctx", paramLabel = "KEY=VALUE",
        description = {"Context the backend vouches for, signed into the token (a v2 token): --ctx tier=gold --ctx plan=pro.",
            "Keys and values: 1-64 of A-Z a-z 0-9 - _, at most 8. With signed sessions only these keys (and the catalog's",
            "site.client_context) count for trigger conditions and segments. The token's context is trusted: the page's",
            "values never overwrite it, and conditions with trusted: true count it alone."})
    private Map<String, String> context = new LinkedHashMap<>();

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "12h",
        description = "How long the token may be used, such as 30m or 12h (default 12h; servers refuse more than token_max_ttl_ms, 24h by default).")
    private String ttl;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final Long ttlMs = Durations.parseMillis(ttl);
        if (ttlMs == null || ttlMs < 1_000)
        {
            return usage(err, "--ttl " + ttl + " is not a duration of at least 1s (such as 30m or 12h)");
        }
        if (sid != null && !SessionToken.isSid(sid))
        {
            return usage(err, "--sid is 32 lower-case hex characters, not all zero");
        }
        if (visitor != null && !VisitorId.isValid(visitor))
        {
            return usage(err, "--visitor: " + VisitorId.RULE.substring("vid ".length()));
        }
        final String contextProblem = contextProblem();
        if (contextProblem != null)
        {
            return usage(err, contextProblem);
        }
        if (site.isBlank())
        {
            return usage(err, "--site is the catalog's site key");
        }
        final SigningKey key;
        try
        {
            key = SigningKey.parseOrNull(Files.readString(keyFile, StandardCharsets.ISO_8859_1));
        }
        catch (final IOException ex)
        {
            return usage(err, FileProblem.cannotRead(keyFile, ex));
        }
        if (key == null)
        {
            return usage(err, keyFile + " does not hold a key; expected " + SigningKey.EXPECTED);
        }
        final String session = sid != null ? sid : SessionToken.newSid(new SecureRandom());
        final long expires = System.currentTimeMillis() / 1000 + ttlMs / 1000;
        final PrintWriter out = spec.commandLine().getOut();
        out.println(context.isEmpty() ? SessionToken.mint(key, site, session, expires, visitor)
            : SessionToken.mint(key, site, session, expires, visitor, context));
        out.flush();
        return PulseMain.EXIT_OK;
    }

    /** What is wrong with the {@code --ctx} pairs, or null. */
    private String contextProblem()
    {
        try
        {
            TokenContext.format(context);
            return null;
        }
        catch (final IllegalArgumentException ex)
        {
            return "--ctx: " + ex.getMessage();
        }
    }

    private static int usage(final PrintWriter err, final String problem)
    {
        err.println("pulse token: " + problem);
        err.flush();
        return PulseMain.EXIT_USAGE;
    }
}
