package org.openetp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Procurement data that reads like the real thing, in Russian, English and Thai: organizations, procedures of every
 * public and non-public kind and status, and their lots, drawn from a fixed seed so that every run loads the same
 * rows. Rows are written in batches with COPY; a batch depends only on the seed and its number, so batches can be
 * loaded in parallel and still come out identical.
 */
final class SyntheticData {

    enum Language { RU, EN, TH }

    /**
     * A product or service with its names: the lot title, the procedure title phrase and the word a buyer types in
     * a search (in another grammatical form than the title, so that search has to stem), in each language; the
     * unit kind (P pieces, L litres, K kilograms, S services, W works); typical lot price in roubles; models.
     */
    record Product(String code, String ruLot, String ruTitle, String ruQuery, String enLot, String enTitle,
            String enQuery, String thLot, String thQuery, char unit, long price, List<String> models) {
    }

    static final List<Product> PRODUCTS = products("""
            26.2|Ноутбук|поставка ноутбуков|ноутбуки|Laptop|supply of laptops|laptops|เครื่องคอมพิวเตอร์โน้ตบุ๊ก|โน้ตบุ๊ก|P|85000|HP ProBook 450 G10;Lenovo ThinkPad E14;ASUS ExpertBook B1;Aquarius Cmp NS685;Dell Latitude 3540
            26.2|Персональный компьютер|поставка персональных компьютеров|компьютеры|Desktop computer|supply of desktop computers|computers|เครื่องคอมพิวเตอร์ตั้งโต๊ะ|คอมพิวเตอร์|P|70000|iRU Office 310;Dell OptiPlex 7010;HP ProDesk 400 G9;Lenovo ThinkCentre M70s
            26.2|Монитор|поставка мониторов|монитор|Monitor|supply of monitors|monitor|จอภาพคอมพิวเตอร์|จอภาพ|P|18000|Samsung S24C310;Philips 243V7;AOC 24B2XH;Dell P2422H
            26.2|Многофункциональное устройство|поставка многофункциональных устройств|мфу|Multifunction printer|supply of multifunction printers|printers|เครื่องพิมพ์มัลติฟังก์ชัน|เครื่องพิมพ์|P|45000|Pantum M7100DW;Kyocera ECOSYS M2040dn;HP LaserJet Pro MFP 4103;Canon i-SENSYS MF455dw
            26.2|Сервер|поставка серверного оборудования|серверы|Server|supply of servers|servers|เครื่องคอมพิวเตอร์แม่ข่าย|แม่ข่าย|P|950000|Yadro Vegman S220;Dell PowerEdge R650;HPE ProLiant DL380 Gen11;Aquarius T50 D224
            26.3|Маршрутизатор|поставка сетевого оборудования|маршрутизаторы|Network router|supply of network equipment|routers|อุปกรณ์เราเตอร์|เราเตอร์|P|60000|Eltex ESR-20;Cisco ISR 1100;MikroTik CCR2004;Huawei AR6120
            26.3|IP-телефон|поставка IP-телефонов|телефоны|IP phone|supply of IP phones|phones|โทรศัพท์ไอพี|โทรศัพท์|P|9000|Yealink SIP-T31P;Grandstream GRP2601;Fanvil X3U
            26.4|Телевизор|поставка телевизоров|телевизоры|Television|supply of televisions|televisions|เครื่องรับโทรทัศน์|โทรทัศน์|P|40000|Samsung UE43;LG 50UR78;Xiaomi TV A Pro 55
            26.5|Прибор учёта электрической энергии|поставка приборов учёта электроэнергии|счетчики электроэнергии|Electricity meter|supply of electricity meters|meters|มิเตอร์ไฟฟ้า|มิเตอร์|P|7000|Меркурий 234;Энергомера CE308;Миртек-32
            26.6|Аппарат ультразвуковой диагностики|поставка медицинского оборудования для ультразвуковой диагностики|аппарат узи|Ultrasound scanner|supply of ultrasound scanners|ultrasound|เครื่องตรวจอัลตราซาวด์|อัลตราซาวด์|P|4500000|Mindray DC-70;GE Voluson E8;Samsung HS40
            17.1|Бумага для офисной техники|поставка бумаги для офисной техники|бумага|Copy paper|supply of copy paper|paper|กระดาษถ่ายเอกสาร|กระดาษ|P|350|SvetoCopy A4 80 г/м2;Снегурочка A4;Double A A4 80 gsm;IQ Economy A4
            21.2|Лекарственный препарат|поставка лекарственных препаратов|лекарственные препараты|Medicine|supply of medicines|medicines|ยารักษาโรค|ยารักษา|P|150000|Парацетамол 500 мг;Амоксициллин 1000 мг;Инсулин гларгин;Метформин 850 мг
            32.5|Шприц одноразовый|поставка одноразовых шприцев|шприцы|Disposable syringe|supply of disposable syringes|syringes|กระบอกฉีดยาชนิดใช้ครั้งเดียว|กระบอกฉีดยา|P|12|SFM 5 мл;Vogt Medical 10 мл;BD Discardit II 2 мл
            32.5|Перчатки медицинские|поставка медицинских перчаток|перчатки|Medical gloves|supply of medical gloves|gloves|ถุงมือทางการแพทย์|ถุงมือ|P|25|нитриловые, размер M;латексные, размер L;смотровые нестерильные
            10.5|Молоко питьевое пастеризованное|поставка молока и молочной продукции|молоко|Pasteurised milk|supply of milk and dairy products|milk|นมพาสเจอร์ไรส์|พาสเจอร์ไรส์|L|90|2,5 %;3,2 %;1 л в упаковке
            10.1|Говядина замороженная|поставка мяса говядины|мясо|Frozen beef|supply of beef|beef|เนื้อโคแช่แข็ง|เนื้อโค|K|550|бескостная;лопаточная часть;тазобедренная часть
            10.7|Хлеб пшеничный|поставка хлеба и хлебобулочных изделий|хлеб|Wheat bread|supply of bread and bakery products|bread|ขนมปังโฮลวีต|ขนมปัง|K|80|формовой 500 г;нарезной 400 г
            19.2|Топливо дизельное|поставка дизельного топлива|дизельное топливо|Diesel fuel|supply of diesel fuel|diesel|น้ำมันดีเซล|ดีเซล|L|65|ДТ-Л-К5;ДТ-З-К5;Euro 5
            19.2|Бензин автомобильный АИ-95|поставка автомобильного бензина|бензин|Petrol|supply of petrol|petrol|น้ำมันเบนซิน|เบนซิน|L|58|АИ-95-К5;АИ-92-К5
            29.1|Автомобиль легковой|поставка легковых автомобилей|автомобили|Passenger car|supply of passenger cars|cars|รถยนต์นั่งส่วนบุคคล|รถยนต์|P|2500000|Lada Vesta;Haval Jolion;Toyota Camry;Toyota Corolla Altis
            29.1|Автобус|поставка автобусов|автобусы|Bus|supply of buses|buses|รถโดยสารประจำทาง|รถโดยสาร|P|12000000|ПАЗ 320405;ЛиАЗ 529267;КАвЗ 4238
            29.3|Шины автомобильные|поставка автомобильных шин|шины|Car tyre|supply of tyres|tyres|ยางรถยนต์|ยางรถ|P|8000|Cordiant Business 185/75 R16;Kama Euro 205/55 R16;Michelin Primacy 4
            31.0|Стол офисный|поставка офисной мебели|мебель|Office desk|supply of office furniture|furniture|โต๊ะทำงานสำนักงาน|โต๊ะทำงาน|P|15000|1400x700 мм;1200x600 мм с тумбой
            31.0|Кресло офисное|поставка офисных кресел|кресла|Office chair|supply of office chairs|chairs|เก้าอี้สำนักงาน|เก้าอี้|P|11000|Бюрократ CH-868;Chairman 696;Metta Samurai
            27.4|Светильник светодиодный|поставка светодиодных светильников|светильники|LED luminaire|supply of LED luminaires|luminaires|โคมไฟแอลอีดี|โคมไฟ|P|2500|ДПО 36 Вт;Philips CoreLine 40 W;IEK 595x595
            27.3|Кабель силовой|поставка кабельной продукции|кабель|Power cable|supply of power cable|cable|สายไฟฟ้ากำลัง|สายไฟ|P|180|ВВГнг(А)-LS 3х2,5;АВБбШв 4х16;NYY 4x10
            28.2|Кондиционер|поставка кондиционеров|кондиционеры|Air conditioner|supply of air conditioners|conditioners|เครื่องปรับอากาศ|ปรับอากาศ|P|55000|Daikin FTXB35C;Mitsubishi MSZ-HR35VF;Haier AS35HPL
            20.4|Средство моющее|поставка моющих и дезинфицирующих средств|моющие средства|Detergent|supply of detergents and disinfectants|detergents|ผลิตภัณฑ์ทำความสะอาด|ทำความสะอาด|L|300|для пола 5 л;дезинфицирующее 1 л;жидкое мыло 5 л
            14.1|Костюм рабочий|поставка специальной одежды|спецодежда|Workwear suit|supply of workwear|workwear|ชุดปฏิบัติงาน|ชุดปฏิบัติงาน|P|4500|летний;утеплённый;сигнальный
            15.2|Ботинки рабочие|поставка специальной обуви|обувь|Safety boots|supply of safety footwear|boots|รองเท้านิรภัย|รองเท้า|P|5000|с металлическим подноском;утеплённые
            23.5|Цемент|поставка цемента|цемент|Cement|supply of cement|cement|ปูนซีเมนต์ปอร์ตแลนด์|ปูนซีเมนต์|K|9|ЦЕМ I 42,5Н;ЦЕМ II/А-Ш 32,5Б
            24.1|Арматура стальная|поставка металлопроката|металлопрокат|Steel rebar|supply of rolled steel|steel|เหล็กเส้นก่อสร้าง|เหล็กเส้น|K|75|А500С 12 мм;А240 8 мм
            62.0|Разработка программного обеспечения|оказание услуг по разработке программного обеспечения|разработка программы|Software development|software development services|software|พัฒนาระบบสารสนเทศ|ระบบสารสนเทศ|S|3000000|
            58.2|Лицензия на программное обеспечение|поставка неисключительных лицензий на программное обеспечение|лицензии|Software licence|supply of software licences|licences|ลิขสิทธิ์ซอฟต์แวร์|ลิขสิทธิ์|P|25000|Астра Линукс;МойОфис Стандартный;Kaspersky Endpoint Security;Microsoft 365 E3
            80.1|Охрана объектов|оказание услуг по охране объектов|охрана|Security guarding|security guarding services|security|บริการรักษาความปลอดภัย|รักษาความปลอดภัย|S|1800000|
            81.2|Уборка помещений|оказание услуг по уборке помещений и территории|уборка|Cleaning|cleaning services|cleaning|บริการทำความสะอาดอาคาร|ทำความสะอาด|S|900000|
            49.4|Перевозка грузов автомобильным транспортом|оказание услуг по перевозке грузов|грузоперевозки|Road freight transport|road freight services|freight|บริการขนส่งสินค้าทางถนน|ขนส่งสินค้า|S|600000|
            56.2|Организация питания|оказание услуг по организации питания|питание|Catering|catering services|catering|บริการจัดเลี้ยงอาหาร|จัดเลี้ยง|S|2500000|
            43.9|Капитальный ремонт кровли|выполнение работ по капитальному ремонту кровли|ремонт кровли|Roof repair|roof repair works|roof|งานซ่อมแซมหลังคาอาคาร|หลังคา|W|5000000|
            43.3|Ремонт помещений|выполнение работ по текущему ремонту помещений|ремонт помещений|Office renovation|office renovation works|renovation|งานปรับปรุงอาคารสำนักงาน|ปรับปรุงอาคาร|W|2000000|
            42.1|Ремонт автомобильной дороги|выполнение работ по ремонту автомобильной дороги|ремонт дороги|Road repair|road repair works|road|งานซ่อมแซมถนนลาดยาง|ซ่อมแซมถนน|W|25000000|
            45.2|Техническое обслуживание автомобилей|оказание услуг по техническому обслуживанию и ремонту автомобилей|обслуживание автомобилей|Vehicle maintenance|vehicle maintenance services|maintenance|บริการบำรุงรักษารถยนต์|บำรุงรักษารถยนต์|S|700000|
            33.1|Техническое обслуживание медицинского оборудования|оказание услуг по техническому обслуживанию медицинской техники|обслуживание медицинского оборудования|Medical equipment servicing|medical equipment servicing|servicing|บริการซ่อมบำรุงเครื่องมือแพทย์|เครื่องมือแพทย์|S|1200000|
            71.1|Проектно-изыскательские работы|выполнение проектно-изыскательских работ|проектирование|Design and survey works|design and survey works|design|งานออกแบบและสำรวจ|ออกแบบ|W|4000000|
            85.4|Обучение персонала|оказание образовательных услуг по повышению квалификации|обучение|Staff training|staff training services|training|การฝึกอบรมบุคลากร|ฝึกอบรม|S|400000|
            86.2|Медицинский осмотр работников|оказание услуг по проведению медицинских осмотров|медосмотр|Medical examinations|medical examination services|examinations|ตรวจสุขภาพประจำปีพนักงาน|ตรวจสุขภาพ|S|800000|
            61.2|Услуги подвижной радиотелефонной связи|оказание услуг подвижной радиотелефонной связи|связь|Mobile communication|mobile communication services|mobile|บริการโทรศัพท์เคลื่อนที่|โทรศัพท์เคลื่อนที่|S|500000|
            35.1|Электрическая энергия|поставка электрической энергии|электроэнергия|Electricity|supply of electricity|electricity|พลังงานไฟฟ้า|พลังงานไฟฟ้า|S|9000000|
            65.1|Страхование гражданской ответственности владельцев транспортных средств|оказание услуг по обязательному страхованию автогражданской ответственности|страхование|Motor insurance|motor insurance services|insurance|ประกันภัยรถยนต์ภาคบังคับ|ประกันภัย|S|300000|
            01.1|Овощи свежие|поставка овощей|овощи|Fresh vegetables|supply of fresh vegetables|vegetables|ผักสด|ผักสด|K|60|картофель;морковь;капуста белокочанная;лук репчатый
            """);

    private static final String[] RU_ADJ = {"Северн", "Южн", "Восточн", "Западн", "Центральн", "Нов", "Перв",
            "Городск", "Областн", "Технич"};
    private static final String[] RU_NOUN = {"Альянс", "Ресурс", "Сервис", "Снаб", "Строй", "Медика", "Техно",
            "Вектор", "Стандарт", "Гарант", "Лидер", "Партнёр"};
    private static final String[] RU_STREETS = {"Ленина", "Мира", "Советская", "Садовая", "Гагарина", "Пушкина",
            "Центральная", "Молодёжная", "Школьная", "Лесная", "Набережная", "Заводская"};
    private static final String[] EN_FIRST = {"Northern", "Pacific", "Global", "United", "Prime", "Green", "Blue",
            "Royal", "Siam", "Asia", "Eastern", "Summit"};
    private static final String[] EN_SECOND = {"Trading", "Logistics", "Systems", "Solutions", "Industries",
            "Supply", "Engineering", "Medical", "Foods", "Energy", "Holdings", "Technologies"};
    private static final String[] EN_FORMS = {"Ltd", "LLC", "Inc.", "PLC", "Co., Ltd."};
    private static final String[] EN_STREETS = {"Main", "Oak", "Park", "Station", "River", "Hill", "Market",
            "Church", "Mill", "King", "Harbour", "Garden"};
    private static final String[] TH_FIRST = {"สยาม", "ไทย", "รุ่งเรือง", "เจริญ", "มั่นคง", "พัฒนา", "ศรีสุข",
            "ทองคำ", "เพชรงาม", "บูรพา", "อุดมสุข", "ชัยมงคล"};
    private static final String[] TH_SECOND = {"ค้าส่ง", "เทรดดิ้ง", "วิศวกรรม", "การแพทย์", "อาหาร", "พลังงาน",
            "ก่อสร้าง", "ซัพพลาย", "เทคโนโลยี", "โลจิสติกส์", "อุตสาหกรรม", "บริการ"};
    private static final String[] TH_STREETS = {"สุขุมวิท", "พหลโยธิน", "เพชรเกษม", "มิตรภาพ", "รามคำแหง", "ลาดพร้าว",
            "เจริญกรุง", "พระรามที่ 4", "นิมมานเหมินท์", "ราชดำเนิน"};
    private static final String[] TH_VILLAGES = {"หนองบัว", "โนนสูง", "ดอนตาล", "หนองแค", "บางพระ", "ท่าช้าง",
            "วังน้ำเย็น", "ห้วยทราย"};

    /** Kinds weighted like a busy platform's; closed tenders exist but must never reach the catalogue. */
    private static final String[] KINDS = weighted("REQUEST_FOR_QUOTATIONS:44", "REQUEST_FOR_PROPOSALS:20",
            "OPEN_TENDER:24", "TWO_STAGE_TENDER:2", "SME_TENDER:3", "REVERSE_AUCTION:5", "CLOSED_TENDER:2");
    /** Statuses weighted like a platform a few years old: most procedures finished, a quarter open. */
    private static final String[] STATUSES = weighted("DRAFT:3", "PUBLISHED:25", "EVALUATION:7", "AWARDED:47",
            "FAILED:11", "CANCELLED:7");

    private final long seed;
    private final int organizations;
    /** Region codes with their names in the language of the text that mentions them. */
    private final List<Region> ruRegions;
    private final List<Region> thRegions;
    private final Instant end;

    record Region(String code, String ru, String en, String th) {
    }

    SyntheticData(long seed, int organizations, List<Region> regions, Instant end) {
        this.seed = seed;
        this.organizations = organizations;
        this.ruRegions = regions.stream().filter(r -> r.code().startsWith("RU-")).toList();
        this.thRegions = regions.stream().filter(r -> r.code().startsWith("TH-")).toList();
        this.end = end;
    }

    // ---------------------------------------------------------------- organizations

    /** The organizations {@code from} (inclusive) to {@code to} (exclusive) as COPY rows. */
    String organizationRows(int from, int to) {
        StringBuilder out = new StringBuilder((to - from) * 400);
        for (int i = from; i < to; i++) {
            SplittableRandom r = random(1, i);
            Language language = organizationLanguage(i);
            boolean thai = language == Language.TH || (language == Language.EN && i % 2 == 0);
            Region region = pick(r, thai ? thRegions : ruRegions);
            String name = organizationName(i);
            String address = address(r, language, region);
            Instant accredited = end.minus(Duration.ofDays(1100 + r.nextInt(2000)));
            String taxId = thai ? String.format("0105%09d", i) : String.format("77%08d", i);
            String sme = Boolean.toString(r.nextInt(3) == 0);
            String industry = pick(r, PRODUCTS).enTitle(); // also the verified one: they are all accredited
            row(out, organizationId(i), thai ? "TH" : "RU", thai ? "COMPANY_LIMITED" : "LLC", taxId,
                    thai ? null : String.format("1027700%06d", i), thai ? null : "770101001", name,
                    name.length() > 200 ? name.substring(0, 200) : name, address, address, address,
                    sme, industry, region.code(), "ACCREDITED",
                    null, ts(accredited), null, ts(accredited.minus(Duration.ofDays(1 + r.nextInt(30)))), "0", industry);
        }
        return out.toString();
    }

    static UUID organizationId(int index) {
        return new UUID(0x0E7B_0000_0000_4000L, 0x8000_0000_0000_0000L | index);
    }

    /** Organizations come in three blocks by the language they write in: 45 % Russian, 25 % English, 30 % Thai. */
    private Language organizationLanguage(int index) {
        long share = index * 100L / organizations;
        return share < 45 ? Language.RU : share < 70 ? Language.EN : Language.TH;
    }

    private String organizationName(int index) {
        SplittableRandom r = random(2, index);
        return switch (organizationLanguage(index)) {
            case RU -> switch (r.nextInt(6)) {
                case 0 -> "ГБУЗ «Городская клиническая больница № " + (1 + r.nextInt(90)) + "»";
                case 1 -> "МБОУ «Средняя общеобразовательная школа № " + (1 + r.nextInt(150)) + "»";
                case 2 -> "АО «" + pick(r, RU_NOUN) + pick(r, RU_NOUN).toLowerCase(Locale.ROOT) + "»";
                default -> "ООО «" + pick(r, RU_ADJ) + (r.nextBoolean() ? "ый " : "ая ") + pick(r, RU_NOUN)
                        + (r.nextBoolean() ? "" : "-" + (1 + r.nextInt(99))) + "»";
            };
            case EN -> pick(r, EN_FIRST) + " " + pick(r, EN_SECOND) + " " + pick(r, EN_FORMS);
            case TH -> switch (r.nextInt(5)) {
                case 0 -> "โรงพยาบาล" + pick(r, thRegions).th();
                case 1 -> "องค์การบริหารส่วนตำบล" + pick(r, TH_VILLAGES);
                default -> "บริษัท " + pick(r, TH_FIRST) + pick(r, TH_SECOND) + " จำกัด";
            };
        };
    }

    // ---------------------------------------------------------------- procedures and lots

    /** The procedures {@code from} (inclusive) to {@code to} (exclusive) and their lots, as COPY rows. */
    Batch procedureRows(int from, int to) {
        StringBuilder procedures = new StringBuilder((to - from) * 900);
        StringBuilder lots = new StringBuilder((to - from) * 300);
        for (int i = from; i < to; i++) {
            SplittableRandom r = random(3, i);
            Language language = pickLanguage(r);
            int buyer = buyerOf(r, language);
            String buyerName = organizationName(buyer);
            Product product = pick(r, PRODUCTS);
            Region region = pick(r, language == Language.RU || (language == Language.EN && r.nextBoolean())
                    ? ruRegions : thRegions);
            String currency = switch (language) {
                case RU -> "RUB";
                case EN -> region.code().startsWith("TH-") ? "USD" : "RUB";
                case TH -> "THB";
            };
            String kind = KINDS[r.nextInt(KINDS.length)];
            String status = STATUSES[r.nextInt(STATUSES.length)];
            // Open procedures are recent, finished ones spread over three years.
            long ageDays = switch (status) {
                case "PUBLISHED", "DRAFT" -> 25;
                case "EVALUATION" -> 60;
                default -> 3 * 365;
            };
            Instant created = end.minus(Duration.ofMinutes(r.nextLong(ageDays * 24 * 60)));
            Instant published = status.equals("DRAFT") || (status.equals("CANCELLED") && r.nextInt(4) == 0)
                    ? null : created.plus(Duration.ofMinutes(r.nextInt(3 * 24 * 60)));
            Instant deadline = (published == null ? created : published).plus(Duration.ofDays(7 + r.nextInt(24)));
            boolean opened = switch (status) {
                case "EVALUATION", "AWARDED" -> true;
                case "FAILED" -> r.nextBoolean();
                default -> false;
            };
            boolean closed = status.equals("AWARDED") || status.equals("FAILED") || status.equals("CANCELLED");
            UUID id = new UUID(r.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL | 0x4000L, r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL
                    | 0x8000_0000_0000_0000L);
            int lotCount = r.nextInt(100) < 60 ? 1 : r.nextInt(100) < 62 ? 2 : 3;
            List<Product> lotProducts = new ArrayList<>();
            lotProducts.add(product);
            for (int n = 1; n < lotCount; n++) {
                lotProducts.add(related(r, product));
            }
            String title = title(r, language, product, buyerName, lotProducts.size());
            String description = description(r, language, lotProducts, region);
            row(procedures, id, organizationId(buyer), new UUID(seed, i), kind, title, description, currency,
                    status, ts(deadline), published == null ? null : ts(deadline.minus(Duration.ofDays(3))), "[]",
                    ts(published), opened ? ts(deadline) : null,
                    closed ? ts(opened ? deadline.plus(Duration.ofDays(5)) : deadline) : null,
                    status.equals("CANCELLED") ? cancelReason(language) : null, "\\\\x00",
                    opened ? ts(deadline) : null, ts(created), "0");
            for (int n = 0; n < lotCount; n++) {
                Product p = lotProducts.get(n);
                BigDecimal quantity = BigDecimal.valueOf(p.unit() == 'S' || p.unit() == 'W' ? 1 : 1 + r.nextInt(200));
                double factor = Math.exp(r.nextGaussian() * 0.6) * (p.unit() == 'S' || p.unit() == 'W' ? 1 : Math.min(
                        quantity.doubleValue(), 40));
                BigDecimal price = BigDecimal.valueOf(p.price() * factor * rate(currency))
                        .setScale(0, RoundingMode.HALF_UP).max(BigDecimal.TEN).setScale(2, RoundingMode.UNNECESSARY);
                String lotStatus = status.equals("AWARDED") ? (r.nextInt(10) == 0 ? "FAILED" : "AWARDED")
                        : status.equals("FAILED") ? "FAILED" : "OPEN";
                row(lots, new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() + n + 1), id,
                        Integer.toString(n + 1), lotTitle(r, language, p), p.code(), quantity.toPlainString(),
                        unit(language, p.unit()), price.toPlainString(),
                        r.nextInt(20) == 0 ? null : region.code(), lotStatus, null);
            }
        }
        return new Batch(procedures.toString(), lots.toString());
    }

    /** Procedures and their lots for one COPY each. */
    record Batch(String procedures, String lots) {
    }

    private static Language pickLanguage(SplittableRandom r) {
        int n = r.nextInt(100);
        return n < 50 ? Language.RU : n < 75 ? Language.EN : Language.TH;
    }

    private int buyerOf(SplittableRandom r, Language language) {
        int ru = organizations * 45 / 100;
        int en = organizations * 70 / 100;
        return switch (language) {
            case RU -> r.nextInt(ru);
            case EN -> ru + r.nextInt(en - ru);
            case TH -> en + r.nextInt(organizations - en);
        };
    }

    /** Another lot of the same procedure: mostly a product of the same class (a printer with the laptops). */
    private static Product related(SplittableRandom r, Product first) {
        if (r.nextInt(4) == 0) {
            return pick(r, PRODUCTS);
        }
        List<Product> sameClass = PRODUCTS.stream()
                .filter(p -> p.code().substring(0, 2).equals(first.code().substring(0, 2))).toList();
        return pick(r, sameClass);
    }

    private static String title(SplittableRandom r, Language language, Product p, String buyer, int lots) {
        int year = 2024 + r.nextInt(3);
        return switch (language) {
            case RU -> switch (r.nextInt(4)) {
                case 0 -> capitalize(p.ruTitle()) + " для нужд " + buyer;
                case 1 -> capitalize(p.ruTitle()) + " в " + year + " году";
                case 2 -> capitalize(p.ruTitle()) + (lots > 1 ? " (" + lots + " лота)" : "");
                default -> "Право заключения договора: " + p.ruTitle();
            };
            case EN -> switch (r.nextInt(3)) {
                case 0 -> capitalize(p.enTitle()) + " for " + buyer;
                case 1 -> capitalize(p.enTitle()) + ", " + year;
                default -> "Request for " + p.enTitle() + (lots > 1 ? " in " + lots + " lots" : "");
            };
            case TH -> (p.unit() == 'S' || p.unit() == 'W' ? "จ้าง" : "ซื้อ") + p.thLot()
                    + (r.nextBoolean() ? " ของ" + buyer : " ประจำปีงบประมาณ " + (year + 543));
        };
    }

    private static String lotTitle(SplittableRandom r, Language language, Product p) {
        String model = p.models().isEmpty() ? "" : " " + pick(r, p.models());
        return switch (language) {
            case RU -> p.ruLot() + model;
            case EN -> p.enLot() + model;
            case TH -> p.thLot() + model;
        };
    }

    private String description(SplittableRandom r, Language language, List<Product> lots, Region region) {
        List<String> sentences = new ArrayList<>();
        int days = 5 + r.nextInt(85);
        int months = 6 + 6 * r.nextInt(6);
        int payment = 5 + r.nextInt(25);
        String house = Integer.toString(1 + r.nextInt(150));
        switch (language) {
            case RU -> {
                sentences.add("Закупка проводится в соответствии с Положением о закупке товаров, работ, услуг заказчика.");
                for (Product p : lots) {
                    sentences.add("Предмет закупки: " + p.ruLot().toLowerCase(Locale.ROOT)
                            + (p.models().isEmpty() ? "" : " " + pick(r, p.models())) + ".");
                }
                sentences.add("Срок " + (lots.getFirst().unit() == 'W' ? "выполнения работ" : "поставки") + ": "
                        + days + " календарных дней с даты заключения договора.");
                sentences.add("Место поставки: " + region.ru() + ", ул. " + pick(r, RU_STREETS) + ", д. " + house + ".");
                if (r.nextBoolean()) {
                    sentences.add("Гарантийный срок: не менее " + months + " месяцев с даты подписания акта приёма-передачи.");
                }
                sentences.add("Оплата производится в течение " + payment
                        + " рабочих дней после подписания документов о приёмке.");
                sentences.add("Начальная (максимальная) цена договора включает НДС, расходы на доставку, погрузку и разгрузку.");
                if (r.nextInt(3) == 0) {
                    sentences.add("Участниками закупки могут быть только субъекты малого и среднего предпринимательства.");
                }
                sentences.add("Требования к качеству, техническим характеристикам и количеству приведены в техническом задании.");
            }
            case EN -> {
                sentences.add("The procurement follows the buyer's procurement regulations.");
                for (Product p : lots) {
                    sentences.add("Subject: " + p.enLot().toLowerCase(Locale.ROOT)
                            + (p.models().isEmpty() ? "" : " " + pick(r, p.models())) + ".");
                }
                sentences.add("Delivery within " + days + " calendar days of signing the contract.");
                sentences.add("Place of delivery: " + house + " " + pick(r, EN_STREETS) + " Street, " + region.en() + ".");
                if (r.nextBoolean()) {
                    sentences.add("Warranty of at least " + months + " months from acceptance.");
                }
                sentences.add("Payment within " + payment + " business days of acceptance.");
                sentences.add("The starting price includes VAT, delivery, loading and unloading.");
                if (r.nextInt(3) == 0) {
                    sentences.add("Only small and medium-sized enterprises may take part.");
                }
                sentences.add("Quality, technical and quantity requirements are set out in the technical specification.");
            }
            case TH -> {
                sentences.add("การจัดซื้อจัดจ้างครั้งนี้ดำเนินการตามระเบียบว่าด้วยการจัดซื้อจัดจ้างของหน่วยงาน");
                for (Product p : lots) {
                    sentences.add("รายการ: " + p.thLot() + (p.models().isEmpty() ? "" : " " + pick(r, p.models())));
                }
                sentences.add("กำหนดส่งมอบภายใน " + days + " วันนับถัดจากวันลงนามในสัญญา");
                sentences.add("สถานที่ส่งมอบ: เลขที่ " + house + " ถนน" + pick(r, TH_STREETS) + " จังหวัด" + region.th());
                if (r.nextBoolean()) {
                    sentences.add("รับประกันความชำรุดบกพร่องไม่น้อยกว่า " + months + " เดือน");
                }
                sentences.add("ชำระเงินภายใน " + payment + " วันทำการหลังจากคณะกรรมการตรวจรับพัสดุ");
                sentences.add("ราคากลางรวมภาษีมูลค่าเพิ่ม ค่าขนส่ง และค่าติดตั้งแล้ว");
                if (r.nextInt(3) == 0) {
                    sentences.add("ผู้ยื่นข้อเสนอต้องเป็นวิสาหกิจขนาดกลางและขนาดย่อม");
                }
                sentences.add("รายละเอียดคุณลักษณะเฉพาะเป็นไปตามเอกสารแนบท้ายประกาศ");
            }
        }
        return String.join(" ", sentences);
    }

    private static String address(SplittableRandom r, Language language, Region region) {
        String house = Integer.toString(1 + r.nextInt(150));
        return switch (language) {
            case RU -> region.ru() + ", ул. " + pick(r, RU_STREETS) + ", д. " + house;
            case EN -> house + " " + pick(r, EN_STREETS) + " Street, " + region.en();
            case TH -> "เลขที่ " + house + " ถนน" + pick(r, TH_STREETS) + " จังหวัด" + region.th();
        };
    }

    private static String cancelReason(Language language) {
        return switch (language) {
            case RU -> "Изменилась потребность заказчика";
            case EN -> "The buyer's needs have changed";
            case TH -> "หน่วยงานเปลี่ยนแปลงความต้องการ";
        };
    }

    private static String unit(Language language, char unit) {
        return switch (unit) {
            case 'L' -> language == Language.RU ? "л" : language == Language.EN ? "l" : "ลิตร";
            case 'K' -> language == Language.RU ? "кг" : language == Language.EN ? "kg" : "กิโลกรัม";
            case 'S' -> language == Language.RU ? "усл. ед." : language == Language.EN ? "service" : "งาน";
            case 'W' -> language == Language.RU ? "усл. ед." : language == Language.EN ? "job" : "งาน";
            default -> language == Language.RU ? "шт." : language == Language.EN ? "pcs" : "ชิ้น";
        };
    }

    /** Roubles per unit of the currency, roughly, so that prices in every currency look plausible. */
    private static double rate(String currency) {
        return switch (currency) {
            case "THB" -> 1 / 2.5;
            case "USD" -> 1 / 90.0;
            default -> 1;
        };
    }

    // ---------------------------------------------------------------- helpers

    private SplittableRandom random(int stream, int index) {
        return new SplittableRandom(seed * 1_000_003L + stream * 10_000_019L + index);
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String[] weighted(String... entries) {
        List<String> values = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.split(":");
            for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
                values.add(parts[0]);
            }
        }
        return values.toArray(String[]::new);
    }

    private static List<Product> products(String table) {
        return table.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] f = line.strip().split("\\|", -1);
            return new Product(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9].charAt(0),
                    Long.parseLong(f[10]), f[11].isEmpty() ? List.of() : List.of(f[11].split(";")));
        }).toList();
    }

    /** One COPY text-format row: tab-separated, {@code \N} for NULL. The generated text holds no tab or newline. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(values[i] == null ? "\\N" : values[i].toString());
        }
        out.append('\n');
    }

    private static @Nullable String ts(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * The columns each generated row fills, in order. COPY names them, so a column a later migration adds with a
     * default does not break the load, and one it adds without a default fails here by name.
     */
    static final String ORGANIZATION = "organization (id, country, legal_form, tax_id, ogrn, kpp, full_name, "
            + "short_name, legal_address, actual_address, postal_address, sme, industry, region_code, status, "
            + "rejection_reason, decided_at, decided_by, created_at, version, verified_industry)";
    static final String PROCEDURE = "procedure (id, organization_id, created_by, kind, title, description, currency, "
            + "status, submission_deadline, clarification_deadline, criteria, published_at, opened_at, closed_at, "
            + "cancel_reason, sealed_key, key_released_at, created_at, version)";
    static final String LOT = "lot (id, procedure_id, number, title, category_code, quantity, unit, start_price, "
            + "delivery_region, status, winner_bid_id)";

    /** Streams COPY rows into a table (with its column list) through the PostgreSQL driver's CopyManager. */
    static long copy(Connection connection, String table, String rows) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN",
                    new java.io.ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
