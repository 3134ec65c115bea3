package org.openetp.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openetp.bench.SyntheticData.Language;
import org.openetp.bench.SyntheticData.Product;
import org.openetp.bench.SyntheticData.Region;
import org.openetp.procurement.catalogue.CatalogueSearch;

/**
 * The catalogue searches the benchmark measures, one list per shape (issue 19, item 1), each drawn from a fixed seed
 * in Russian (half), English and Thai (a quarter each) the way a user types them.
 */
final class CatalogueShapes {

    /** A search as a user would send it, with its shape and language for the report. */
    record BenchQuery(String shape, Language language, CatalogueSearch search) {
    }

    enum Shape {
        TARGET("keyword + category + region + price"),
        FREQUENT_WORD("one frequent word"),
        RARE_WORD("one rare word"),
        WORD_AND_CATEGORY("word + category"),
        CATEGORY_REGION_BY_DEADLINE("category + region, open, by deadline"),
        WORD_AND_PRICE_BY_PRICE("word + price range, by price"),
        EMPTY_BY_DEADLINE("empty query, by deadline"),
        DEEP_PAGE("frequent word, page 50"),
        DEEP_CURSOR("category, newest, 50th page by cursor"),
        WORD_WITH_FACETS("word, with facets");

        final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    private static final List<String> RU_FREQUENT = List.of("поставка", "услуги", "работы", "закупка");
    private static final List<String> EN_FREQUENT = List.of("supply", "services", "works", "delivery");
    private static final List<String> TH_FREQUENT = List.of("ซื้อ", "จ้าง", "บริการ");

    private final List<Region> ru;
    private final List<Region> th;

    CatalogueShapes(List<Region> regions) {
        this.ru = regions.stream().filter(x -> x.code().startsWith("RU-")).toList();
        this.th = regions.stream().filter(x -> x.code().startsWith("TH-")).toList();
    }

    /** {@code count} searches of one shape. */
    List<BenchQuery> of(Shape shape, int count) {
        SplittableRandom r = new SplittableRandom(CatalogueBenchmark.SEED + 31L * shape.ordinal() + 7);
        List<BenchQuery> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(one(shape, r));
        }
        return queries;
    }

    private BenchQuery one(Shape shape, SplittableRandom r) {
        int l = r.nextInt(100);
        Language language = l < 50 ? Language.RU : l < 75 ? Language.EN : Language.TH;
        Product p = SyntheticData.pick(r, SyntheticData.PRODUCTS);
        String keyword = switch (language) {
            case RU -> p.ruQuery();
            case EN -> p.enQuery();
            case TH -> p.thQuery();
        };
        String frequent = SyntheticData.pick(r, switch (language) {
            case RU -> RU_FREQUENT;
            case EN -> EN_FREQUENT;
            case TH -> TH_FREQUENT;
        });
        Region region = SyntheticData.pick(r, language == Language.RU || (language == Language.EN && r.nextBoolean())
                ? ru : th);
        String currency = language == Language.TH ? "THB" : region.code().startsWith("TH-") ? "USD" : "RUB";
        double rate = currency.equals("THB") ? 1 / 2.5 : currency.equals("USD") ? 1 / 90.0 : 1;
        boolean goods = p.unit() != 'S' && p.unit() != 'W';
        double typical = p.price() * rate * (goods ? 10 : 1) * Math.exp(r.nextGaussian() * 0.5);
        String priceFrom = money(typical / 4);
        String priceTo = money(typical * 4);
        String category = switch (r.nextInt(3)) {
            case 0 -> p.code();
            case 1 -> p.code().substring(0, 2);
            default -> section(p.code());
        };
        CatalogueSearch search = switch (shape) {
            case TARGET -> new CatalogueSearch(keyword, List.of(category), List.of(region.code()), null,
                    r.nextBoolean() ? List.of("PUBLISHED") : null, currency, priceFrom, priceTo, null, null, null,
                    null, null, null, null);
            case FREQUENT_WORD -> search(frequent, null, null, null, null, null, null);
            case RARE_WORD -> search(rareWord(r), null, null, null, null, null, null);
            case WORD_AND_CATEGORY -> search(keyword, List.of(category), null, null, null, null, null);
            case WORD_WITH_FACETS -> new CatalogueSearch(keyword, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, "true");
            case CATEGORY_REGION_BY_DEADLINE -> new CatalogueSearch(null, List.of(category), List.of(region.code()),
                    null, List.of("PUBLISHED"), null, null, null, null, null, "deadline", null, null, null, null);
            case WORD_AND_PRICE_BY_PRICE -> new CatalogueSearch(keyword, null, null, null, null, currency, priceFrom,
                    priceTo, null, null, "price_asc", null, null, null, null);
            case EMPTY_BY_DEADLINE -> search(null, null, null, null, null, "deadline", null);
            case DEEP_PAGE -> search(frequent, null, null, null, null, null, "49");
            // The benchmark walks each of these to its 50th page first, and measures the request for that page.
            case DEEP_CURSOR -> search(null, List.of(p.code().substring(0, 2)), null, null, null, "newest", null);
        };
        return new BenchQuery(shape.label, language, search);
    }

    private static CatalogueSearch search(String q, List<String> category, List<String> region, String currency,
            String priceFrom, String sort, String page) {
        return new CatalogueSearch(q, category, region, null, null, currency, priceFrom, null, null, null, sort, page,
                null, null, null);
    }

    /** A model's name: a word found in a few thousand of 760,000 procedures. */
    private static String rareWord(SplittableRandom r) {
        List<Product> withModels = SyntheticData.PRODUCTS.stream().filter(x -> !x.models().isEmpty()).toList();
        String model = SyntheticData.pick(r, SyntheticData.pick(r, withModels).models());
        String longest = "";
        for (String word : model.split("[^\\p{L}]+")) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        return longest;
    }

    private static String money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** OKPD2 section letters are the parents of the two-digit classes. */
    static String section(String code) {
        int c = Integer.parseInt(code.substring(0, 2));
        String[][] ranges = {{"A", "1", "3"}, {"B", "5", "9"}, {"C", "10", "33"}, {"D", "35", "35"},
                {"E", "36", "39"}, {"F", "41", "43"}, {"G", "45", "47"}, {"H", "49", "53"}, {"I", "55", "56"},
                {"J", "58", "63"}, {"K", "64", "66"}, {"L", "68", "68"}, {"M", "69", "75"}, {"N", "77", "82"},
                {"O", "84", "84"}, {"P", "85", "85"}, {"Q", "86", "88"}, {"R", "90", "93"}, {"S", "94", "96"}};
        for (String[] range : ranges) {
            if (c >= Integer.parseInt(range[1]) && c <= Integer.parseInt(range[2])) {
                return range[0];
            }
        }
        throw new IllegalArgumentException(code);
    }
}
