package org.scalefit.horizon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.OptionKey;
import org.scalefit.data.Cells;

/**
 * The streaming JSON Lines reader of {@link RunReader}: one instance per file. Each line is one run; fields
 * are found by name (the model, task, task length and score fields of {@link RunColumns}), lines are parsed
 * with Jackson's streaming parser into reusable buffers, and a bad line fails the read (naming its line and
 * field) or, with skip-invalid, is left out with the reason.
 */
final class RunJsonLines {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private final String source;
    private final RunColumns columns;
    private final boolean skipInvalid;
    private final Runs.Builder builder;
    private final RunReader.Text model = new RunReader.Text();
    private final RunReader.Text task = new RunReader.Text();
    private final RunReader.Text family = new RunReader.Text();
    private final List<String> rowKeys = new ArrayList<>();
    private boolean hasModel;
    private boolean hasTask;
    private boolean hasFamily;
    private double minutes;
    private String minutesProblem;
    private double score;
    private String scoreProblem;
    private boolean hasMinutes;
    private boolean hasScore;
    private double scoreAlt;
    private String scoreAltProblem;
    private boolean hasScoreAlt;
    private String scoreField;
    private int familyMissing;

    RunJsonLines(String source, RunColumns columns, boolean skipInvalid) {
        this.source = source;
        this.columns = columns;
        this.skipInvalid = skipInvalid;
        this.builder = Runs.builder(source);
        this.scoreField = columns.score();
    }

    Runs read(InputStream in) {
        int line = 0;
        int lastEndLine = -1;
        boolean inObject = false;
        try (JsonParser p = JSON.createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new InvalidDataException("line " + line + " of " + source + " is not a JSON object (found "
                            + describe(t) + ")");
                }
                if (line == lastEndLine) {
                    throw new InvalidDataException("line " + line + " of " + source
                            + " holds more than one JSON value; put one object per line");
                }
                inObject = true;
                readObject(p, line);
                inObject = false;
                lastEndLine = p.currentLocation().getLineNr();
                finishRow(line);
            }
        } catch (JsonProcessingException e) {
            // Inside an object, name the line it starts on (an unterminated object fails only at the end).
            int at = inObject || e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw new InvalidDataException("line " + at + " of " + source + " is not valid JSON: " + problem(e), e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (familyMissing > 0) {
            builder.note(familyMissing + " run" + (familyMissing == 1 ? " has" : "s have") + " no \"" + columns.family()
                    + "\" field; each such task is its own family");
        }
        if (scoreField != null) {
            builder.scoreField(scoreField);
        }
        return builder.build();
    }

    private void readObject(JsonParser p, int line) throws IOException {
        hasModel = false;
        hasTask = false;
        hasFamily = false;
        hasMinutes = false;
        hasScore = false;
        hasScoreAlt = false;
        minutesProblem = null;
        scoreProblem = null;
        scoreAltProblem = null;
        rowKeys.clear();
        String scoreName = scoreField != null ? scoreField : RunColumns.SCORE_BINARIZED;
        boolean auto = scoreField == null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (rowKeys.size() < 500) {
                rowKeys.add(key);
            }
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
                if (key.equals(columns.model()) || key.equals(columns.task()) || key.equals(columns.minutes())
                        || key.equals(scoreName)) {
                    throw new InvalidDataException("line " + line + " of " + source + ", field \"" + key
                            + "\" holds " + describe(v) + ", not a value");
                }
                continue;
            }
            if (key.equals(columns.model())) {
                hasModel = text(p, v, model);
            } else if (key.equals(columns.task())) {
                hasTask = text(p, v, task);
            } else if (key.equals(columns.family())) {
                hasFamily = text(p, v, family);
            } else if (key.equals(columns.minutes())) {
                hasMinutes = v != JsonToken.VALUE_NULL;
                minutesProblem = null;
                minutes = number(p, v);
                if (Double.isNaN(minutes) && hasMinutes) {
                    minutesProblem = lastProblem;
                }
            } else if (key.equals(scoreName)) {
                hasScore = v != JsonToken.VALUE_NULL;
                score = number(p, v);
                scoreProblem = Double.isNaN(score) && hasScore ? lastProblem : null;
            } else if (auto && key.equals(RunColumns.SCORE_CONTINUOUS)) {
                hasScoreAlt = v != JsonToken.VALUE_NULL;
                scoreAlt = number(p, v);
                scoreAltProblem = Double.isNaN(scoreAlt) && hasScoreAlt ? lastProblem : null;
            }
        }
        if (auto) {
            if (rowKeys.contains(RunColumns.SCORE_BINARIZED)) {
                scoreFieldSeen = RunColumns.SCORE_BINARIZED;
            } else if (rowKeys.contains(RunColumns.SCORE_CONTINUOUS)) {
                scoreFieldSeen = RunColumns.SCORE_CONTINUOUS;
            } else {
                scoreFieldSeen = null;
            }
        }
    }

    private String scoreFieldSeen;
    private String lastProblem;

    private void finishRow(int line) {
        if (!hasModel) {
            if (!rowKeys.contains(columns.model())) {
                fail(line, columns.model(), "line " + line + " of " + source + " has no field \"" + columns.model()
                        + "\" (it has: " + String.join(", ", rowKeys) + "); name the model field with " + OptionKey.MODEL.label());
            } else {
                fail(line, columns.model(), where(line, columns.model()) + " is empty");
            }
            return;
        }
        if (columns.humanAlias() != null && model.contentEquals(columns.humanAlias())) {
            builder.countHuman();
            return;
        }
        if (scoreField == null) {
            if (scoreFieldSeen == null) {
                throw new InvalidDataException("line " + line + " of " + source + " has no score field \""
                        + RunColumns.SCORE_BINARIZED + "\" or \"" + RunColumns.SCORE_CONTINUOUS + "\" (it has: "
                        + String.join(", ", rowKeys) + "); name it with " + OptionKey.SCORE.label());
            }
            scoreField = scoreFieldSeen;
            if (scoreField.equals(RunColumns.SCORE_CONTINUOUS)) {
                hasScore = hasScoreAlt;
                score = scoreAlt;
                scoreProblem = scoreAltProblem;
            }
        }
        if (!hasTask) {
            missing(line, columns.task(), OptionKey.TASK);
            return;
        }
        if (!hasMinutes) {
            missing(line, columns.minutes(), OptionKey.MINUTES);
            return;
        }
        if (minutesProblem != null) {
            fail(line, columns.minutes(), where(line, columns.minutes()) + ": " + minutesProblem);
            return;
        }
        if (!(minutes > 0) || !Double.isFinite(minutes)) {
            fail(line, columns.minutes(), where(line, columns.minutes()) + " is " + quote(format(minutes))
                    + ": task lengths must be > 0 minutes");
            return;
        }
        if (!hasScore) {
            missing(line, scoreField, OptionKey.SCORE);
            return;
        }
        if (scoreProblem != null) {
            fail(line, scoreField, where(line, scoreField) + ": " + scoreProblem);
            return;
        }
        if (!(score >= 0 && score <= 1)) {
            fail(line, scoreField, where(line, scoreField) + " is " + quote(format(score))
                    + ": scores must lie in [0, 1]");
            return;
        }
        if (!hasFamily) {
            familyMissing++;
        }
        int t;
        try {
            t = builder.internTask(task, hasFamily ? family : null, minutes, line, "line " + line + " of " + source);
        } catch (InvalidDataException e) {
            fail(line, columns.task(), e.getMessage());
            return;
        }
        builder.append(builder.internModel(model), t, score);
    }

    private void missing(int line, String field, OptionKey option) {
        if (!rowKeys.contains(field)) {
            fail(line, field, "line " + line + " of " + source + " has no field \"" + field + "\" (it has: "
                    + String.join(", ", rowKeys) + "); name it with " + option.label());
        } else {
            fail(line, field, where(line, field) + " is empty");
        }
    }

    private void fail(int line, String field, String message) {
        if (!skipInvalid) {
            throw new InvalidDataException(message);
        }
        builder.skip(new Runs.SkippedRun(line, field, message));
    }

    private String where(int line, String field) {
        return "line " + line + " of " + source + ", field \"" + field + "\"";
    }

    /** Copies a scalar's text into {@code into}; false for null or an empty string. */
    private static boolean text(JsonParser p, JsonToken v, RunReader.Text into) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return false;
        }
        into.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        into.strip();
        return into.length() > 0;
    }

    /** A number from a JSON number, numeric string or boolean; NaN with {@link #lastProblem} set otherwise. */
    private double number(JsonParser p, JsonToken v) throws IOException {
        lastProblem = null;
        switch (v) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) {
                    lastProblem = quote(p.getText()) + " is not a finite number";
                    return Double.NaN;
                }
                return d;
            case VALUE_TRUE:
                return 1.0;
            case VALUE_FALSE:
                return 0.0;
            case VALUE_NULL:
                return Double.NaN;
            default:
                String s = p.getText();
                try {
                    return Cells.parseNumber(s);
                } catch (InvalidDataException e) {
                    lastProblem = e.getMessage();
                    return Double.NaN;
                }
        }
    }

    static String quote(String v) {
        return "\"" + v + "\"";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String problem(JsonProcessingException e) {
        String text = String.valueOf(e.getOriginalMessage());
        int nl = text.indexOf('\n');
        text = (nl < 0 ? text : text.substring(0, nl)).strip();
        for (String cut : new String[] {" (start marker", " at [Source", ": was expecting", " (for Object starting"}) {
            int i = text.indexOf(cut);
            if (i > 0) {
                text = text.substring(0, i);
            }
        }
        return text;
    }
}
