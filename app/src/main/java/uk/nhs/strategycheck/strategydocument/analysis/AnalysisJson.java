package uk.nhs.strategycheck.strategydocument.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.CharacteristicFinding;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Foreword;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Horizon;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Priorities;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Quote;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.SignatoryRole;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.TermQuote;

/**
 * A {@link DocumentAnalysis} as JSON with the field names of STRATEGY-CHECK.md (snake_case; sign
 * as "good" or "bad"), and back: what the command line prints and the service stores.
 */
public final class AnalysisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnalysisJson() {
    }

    public static String write(DocumentAnalysis analysis) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("file", analysis.file());
        json.put("media_type", analysis.mediaType());
        json.put("pages", analysis.pages());
        json.put("words", analysis.words());
        Horizon horizon = analysis.horizon();
        if (horizon == null) {
            json.putNull("horizon");
        } else {
            json.putObject("horizon").put("from", horizon.from()).put("to", horizon.to()).put("years", horizon.years())
                    .put("quote", horizon.quote()).put("page", horizon.page());
        }
        if (analysis.reviewCadence() == null) {
            json.putNull("review_cadence");
        } else {
            json.set("review_cadence", quote(analysis.reviewCadence()));
        }
        Foreword foreword = analysis.foreword();
        ObjectNode signatory = json.putObject("foreword");
        signatory.put("signatory_role", foreword.signatoryRole().name());
        signatory.put("quote", foreword.quote());
        signatory.put("page", foreword.page());
        ObjectNode priorities = json.putObject("priorities");
        priorities.put("count", analysis.priorities().count());
        ArrayNode items = priorities.putArray("items");
        analysis.priorities().items().forEach(item -> items.addObject().put("text", item.text()).put("page", item.page()));
        json.set("targets", quotes(analysis.targets()));
        json.set("exclusions", quotes(analysis.exclusions()));
        json.set("basics", termQuotes(analysis.basics()));
        json.set("emerging", termQuotes(analysis.emerging()));
        json.set("user_research", quotes(analysis.userResearch()));
        ObjectNode characteristics = json.putObject("characteristics");
        analysis.characteristics().forEach((code, finding) -> {
            ObjectNode node = characteristics.putObject(code);
            node.put("suggested_score", finding.suggestedScore());
            node.put("rule", finding.rule());
            ArrayNode signals = node.putArray("signals");
            finding.signals().forEach(signal -> signals.addObject().put("code", signal.code())
                    .put("sign", signal.sign().name().toLowerCase(Locale.ROOT)).put("quote", signal.quote())
                    .put("page", signal.page()));
        });
        return json.toString();
    }

    /** The line the command line prints for a file it would not read. */
    public static String writeRejected(String file, DocumentRejected rejected) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("file", file);
        json.putObject("error").put("reason", rejected.reason().name()).put("message", rejected.getMessage());
        return json.toString();
    }

    public static DocumentAnalysis read(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a document analysis in JSON", e);
        }
        JsonNode horizon = json.path("horizon");
        JsonNode foreword = json.path("foreword");
        JsonNode priorities = json.path("priorities");
        // In the framework's order, whatever order the JSON keeps (PostgreSQL's jsonb sorts keys).
        Map<String, CharacteristicFinding> characteristics = new LinkedHashMap<>();
        for (String code : DocumentAnalysis.CHARACTERISTICS) {
            JsonNode finding = json.path("characteristics").path(code);
            if (finding.isObject()) {
                characteristics.put(code, new CharacteristicFinding(finding.path("suggested_score").asInt(),
                        finding.path("rule").asText(),
                        list(finding.path("signals"), signal -> new Signal(signal.path("code").asText(),
                                Sign.valueOf(signal.path("sign").asText().toUpperCase(Locale.ROOT)),
                                signal.path("quote").asText(), signal.path("page").asInt()))));
            }
        }
        return new DocumentAnalysis(
                json.path("file").asText(),
                json.path("media_type").asText(),
                json.path("pages").asInt(),
                json.path("words").asInt(),
                horizon.isObject() ? new Horizon(horizon.path("from").asInt(), horizon.path("to").asInt(),
                        horizon.path("years").asInt(), horizon.path("quote").asText(), horizon.path("page").asInt())
                        : null,
                json.path("review_cadence").isObject() ? quote(json.path("review_cadence")) : null,
                new Foreword(SignatoryRole.valueOf(foreword.path("signatory_role").asText()),
                        foreword.path("quote").isTextual() ? foreword.path("quote").asText() : null,
                        foreword.path("page").isInt() ? foreword.path("page").asInt() : null),
                new Priorities(priorities.path("count").asInt(), list(priorities.path("items"),
                        item -> new Priorities.Item(item.path("text").asText(), item.path("page").asInt()))),
                list(json.path("targets"), AnalysisJson::quote),
                list(json.path("exclusions"), AnalysisJson::quote),
                list(json.path("basics"), AnalysisJson::termQuote),
                list(json.path("emerging"), AnalysisJson::termQuote),
                list(json.path("user_research"), AnalysisJson::quote),
                characteristics);
    }

    private static ObjectNode quote(Quote quote) {
        return MAPPER.createObjectNode().put("quote", quote.quote()).put("page", quote.page());
    }

    private static ArrayNode quotes(List<Quote> quotes) {
        ArrayNode array = MAPPER.createArrayNode();
        quotes.forEach(quote -> array.add(quote(quote)));
        return array;
    }

    private static ArrayNode termQuotes(List<TermQuote> quotes) {
        ArrayNode array = MAPPER.createArrayNode();
        quotes.forEach(quote -> array.addObject().put("term", quote.term()).put("quote", quote.quote())
                .put("page", quote.page()));
        return array;
    }

    private static Quote quote(JsonNode node) {
        return new Quote(node.path("quote").asText(), node.path("page").asInt());
    }

    private static TermQuote termQuote(JsonNode node) {
        return new TermQuote(node.path("term").asText(), node.path("quote").asText(), node.path("page").asInt());
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> list = new ArrayList<>();
        array.forEach(node -> list.add(element.apply(node)));
        return List.copyOf(list);
    }
}
