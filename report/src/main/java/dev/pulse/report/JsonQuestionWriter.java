package dev.pulse.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.pulse.journal.OutcomeGroup;

/** The JSON report's per-question objects (answer split, answers' and variants' forward rates) and time to forward. */
final class JsonQuestionWriter
{
    private JsonQuestionWriter()
    {
    }

    static void question(final JsonGenerator json, final QuestionFigures question) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("question", question.question());
        // Answers and variants are not randomised: what follows them describes, it does not prove.
        json.writeBooleanField("exploratory", true);
        json.writeArrayFieldStart("triggers");
        for (final String trigger : question.triggers())
        {
            json.writeString(trigger);
        }
        json.writeEndArray();
        json.writeNumberField("shown", question.shown());
        json.writeArrayFieldStart("choices");
        for (final QuestionFigures.ChoiceCount choice : question.choices())
        {
            json.writeStartObject();
            json.writeStringField("choice", choice.choice());
            JsonFields.share(json, question, choice.count());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("dismissed");
        JsonFields.share(json, question, question.dismissed());
        json.writeEndObject();
        json.writeObjectFieldStart("unanswered");
        JsonFields.share(json, question, question.unanswered());
        json.writeEndObject();
        json.writeArrayFieldStart("answer_outcomes");
        for (final QuestionFigures.AnswerOutcome outcome : question.answerOutcomes())
        {
            json.writeStartObject();
            json.writeStringField("choice", outcome.answered() ? outcome.choice() : null);
            json.writeStringField("response", outcome.answered() ? outcome.response() : null);
            JsonFields.forwardRate(json, outcome.forward());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("variants");
        for (final QuestionFigures.VariantOutcome variant : question.variants())
        {
            json.writeStartObject();
            json.writeStringField("variant", variant.variant());
            JsonFields.forwardRate(json, variant.forward());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void forwardTimes(final JsonGenerator json, final ForwardTimes times) throws IOException
    {
        json.writeObjectFieldStart("time_to_forward");
        json.writeArrayFieldStart("buckets");
        for (final TimeBucket bucket : times.buckets())
        {
            json.writeStartObject();
            json.writeStringField("label", bucket.label());
            json.writeNumberField("from_ms", bucket.fromMs());
            if (bucket.toMs() == Long.MAX_VALUE)
            {
                json.writeNullField("to_ms");
            }
            else
            {
                json.writeNumberField("to_ms", bucket.toMs());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            final ForwardTimes.Durations durations = times.of(group);
            json.writeObjectFieldStart(group.wireName());
            json.writeNumberField("count", durations.count());
            final String[] names = {"p25_ms", "p50_ms", "p75_ms", "p90_ms"};
            final long[] percentiles = durations.percentilesMs();
            for (int i = 0; i < names.length; i++)
            {
                if (percentiles[i] < 0)
                {
                    json.writeNullField(names[i]);
                }
                else
                {
                    json.writeNumberField(names[i], percentiles[i]);
                }
            }
            json.writeArrayFieldStart("histogram");
            for (final long count : durations.bucketCounts())
            {
                json.writeNumber(count);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
