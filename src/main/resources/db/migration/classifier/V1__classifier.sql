CREATE TABLE classifier_category (
    code        VARCHAR(20) PRIMARY KEY,
    parent_code VARCHAR(20) REFERENCES classifier_category (code),
    name_en     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    name_th     TEXT NOT NULL
);
CREATE INDEX classifier_category_parent ON classifier_category (parent_code);

CREATE TABLE classifier_region (
    code    VARCHAR(10) PRIMARY KEY,
    country CHAR(2) NOT NULL,
    name_en TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_th TEXT NOT NULL
);
