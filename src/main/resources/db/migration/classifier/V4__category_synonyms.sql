-- Words people type for a category, in each of the three languages (issue 19): a search that names one of them, or
-- the category itself, also finds the category's procedures whatever language they are written in ("ноутбук" finds
-- an English lot "Laptop" filed under 26.2). The operator edits the list (/operator/classifier/synonyms, API).
CREATE TABLE classifier_synonym (
    category_code VARCHAR(20)  NOT NULL REFERENCES classifier_category (code) ON DELETE CASCADE,
    language      CHAR(2)      NOT NULL CHECK (language IN ('en', 'ru', 'th')),
    term          VARCHAR(100) NOT NULL CHECK (length(btrim(term)) >= 2),
    PRIMARY KEY (category_code, language, term)
);

-- The common goods and services of public procurement, one row per word and language.
INSERT INTO classifier_synonym (category_code, language, term)
SELECT v.code, v.language, v.term
FROM (VALUES
    ('26.2', 'en', 'laptop'), ('26.2', 'ru', 'ноутбук'), ('26.2', 'th', 'โน้ตบุ๊ก'), ('26.2', 'th', 'แล็ปท็อป'),
    ('26.2', 'en', 'notebook computer'),
    ('26.2', 'en', 'computer'), ('26.2', 'ru', 'компьютер'), ('26.2', 'th', 'คอมพิวเตอร์'),
    ('26.2', 'en', 'monitor'), ('26.2', 'ru', 'монитор'), ('26.2', 'th', 'จอภาพ'),
    ('26.2', 'en', 'printer'), ('26.2', 'ru', 'принтер'), ('26.2', 'ru', 'мфу'), ('26.2', 'th', 'เครื่องพิมพ์'),
    ('26.2', 'en', 'server'), ('26.2', 'ru', 'сервер'), ('26.2', 'th', 'เซิร์ฟเวอร์'),
    ('26.2', 'en', 'tablet'), ('26.2', 'ru', 'планшет'), ('26.2', 'th', 'แท็บเล็ต'),
    ('26.3', 'en', 'router'), ('26.3', 'ru', 'маршрутизатор'), ('26.3', 'th', 'เราเตอร์'),
    ('26.3', 'en', 'telephone'), ('26.3', 'ru', 'телефон'), ('26.3', 'th', 'โทรศัพท์'),
    ('26.4', 'en', 'television'), ('26.4', 'ru', 'телевизор'), ('26.4', 'th', 'โทรทัศน์'),
    ('26.5', 'en', 'electricity meter'), ('26.5', 'ru', 'счетчик'), ('26.5', 'th', 'มิเตอร์'),
    ('26.6', 'en', 'ultrasound'), ('26.6', 'ru', 'узи'), ('26.6', 'th', 'อัลตราซาวด์'),
    ('17.1', 'en', 'paper'), ('17.1', 'ru', 'бумага'), ('17.1', 'th', 'กระดาษ'),
    ('21.2', 'en', 'medicine'), ('21.2', 'ru', 'лекарство'), ('21.2', 'ru', 'лекарственный препарат'),
    ('21.2', 'th', 'ยารักษาโรค'),
    ('32.5', 'en', 'syringe'), ('32.5', 'ru', 'шприц'), ('32.5', 'th', 'กระบอกฉีดยา'),
    ('32.5', 'en', 'gloves'), ('32.5', 'ru', 'перчатки'), ('32.5', 'th', 'ถุงมือ'),
    ('10.5', 'en', 'milk'), ('10.5', 'ru', 'молоко'), ('10.5', 'th', 'นมสด'),
    ('10.1', 'en', 'beef'), ('10.1', 'ru', 'говядина'), ('10.1', 'th', 'เนื้อวัว'), ('10.1', 'th', 'เนื้อโค'),
    ('10.7', 'en', 'bread'), ('10.7', 'ru', 'хлеб'), ('10.7', 'th', 'ขนมปัง'),
    ('19.2', 'en', 'diesel'), ('19.2', 'ru', 'дизельное топливо'), ('19.2', 'th', 'ดีเซล'),
    ('19.2', 'en', 'petrol'), ('19.2', 'en', 'gasoline'), ('19.2', 'ru', 'бензин'), ('19.2', 'th', 'เบนซิน'),
    ('29.1', 'en', 'car'), ('29.1', 'ru', 'автомобиль'), ('29.1', 'th', 'รถยนต์'),
    ('29.1', 'en', 'bus'), ('29.1', 'ru', 'автобус'), ('29.1', 'th', 'รถโดยสาร'),
    ('29.3', 'en', 'tyre'), ('29.3', 'en', 'tire'), ('29.3', 'ru', 'шина'), ('29.3', 'th', 'ยางรถยนต์'),
    ('31.0', 'en', 'furniture'), ('31.0', 'ru', 'мебель'), ('31.0', 'th', 'เฟอร์นิเจอร์'),
    ('31.0', 'en', 'office chair'), ('31.0', 'ru', 'кресло'), ('31.0', 'th', 'เก้าอี้'),
    ('31.0', 'en', 'desk'), ('31.0', 'ru', 'стол'), ('31.0', 'th', 'โต๊ะ'),
    ('27.4', 'en', 'luminaire'), ('27.4', 'en', 'lamp'), ('27.4', 'ru', 'светильник'), ('27.4', 'th', 'โคมไฟ'),
    ('27.3', 'en', 'cable'), ('27.3', 'ru', 'кабель'), ('27.3', 'th', 'สายไฟ'),
    ('28.2', 'en', 'air conditioner'), ('28.2', 'ru', 'кондиционер'), ('28.2', 'th', 'เครื่องปรับอากาศ'),
    ('20.4', 'en', 'detergent'), ('20.4', 'ru', 'моющее средство'), ('20.4', 'th', 'ผงซักฟอก'),
    ('14.1', 'en', 'workwear'), ('14.1', 'ru', 'спецодежда'), ('14.1', 'th', 'ชุดปฏิบัติงาน'),
    ('15.2', 'en', 'footwear'), ('15.2', 'ru', 'обувь'), ('15.2', 'th', 'รองเท้า'),
    ('23.5', 'en', 'cement'), ('23.5', 'ru', 'цемент'), ('23.5', 'th', 'ปูนซีเมนต์'),
    ('24.1', 'en', 'rebar'), ('24.1', 'ru', 'арматура'), ('24.1', 'ru', 'металлопрокат'), ('24.1', 'th', 'เหล็กเส้น'),
    ('58.2', 'en', 'software licence'), ('58.2', 'ru', 'лицензия'), ('58.2', 'th', 'ลิขสิทธิ์ซอฟต์แวร์'),
    ('62.0', 'en', 'software development'), ('62.0', 'ru', 'разработка программного обеспечения'),
    ('62.0', 'th', 'พัฒนาระบบ'),
    ('80.1', 'en', 'security guard'), ('80.1', 'ru', 'охрана'), ('80.1', 'th', 'รักษาความปลอดภัย'),
    ('81.2', 'en', 'cleaning'), ('81.2', 'ru', 'уборка'), ('81.2', 'th', 'ทำความสะอาด'),
    ('56.2', 'en', 'catering'), ('56.2', 'ru', 'питание'), ('56.2', 'th', 'จัดเลี้ยง'),
    ('49.4', 'en', 'freight'), ('49.4', 'ru', 'грузоперевозки'), ('49.4', 'th', 'ขนส่งสินค้า'),
    ('01.1', 'en', 'vegetables'), ('01.1', 'ru', 'овощи'), ('01.1', 'th', 'ผักสด'),
    ('65.1', 'en', 'insurance'), ('65.1', 'ru', 'страхование'), ('65.1', 'th', 'ประกันภัย'),
    ('35.1', 'en', 'electricity'), ('35.1', 'ru', 'электроэнергия'), ('35.1', 'th', 'พลังงานไฟฟ้า')
) AS v (code, language, term)
-- An operator may have removed a category of the seed: its words are left out, not the migration failed.
WHERE EXISTS (SELECT 1 FROM classifier_category c WHERE c.code = v.code);

-- The names and synonyms as words (the `russian` configuration also stems English words), for the look-up of the
-- categories a search names.
ALTER TABLE classifier_category ADD COLUMN name_words TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('russian', name_en || ' ' || name_ru)) STORED;
