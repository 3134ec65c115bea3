-- For quotations the ranking score is the price itself, which needs the width of a money amount.
ALTER TABLE bid ALTER COLUMN score TYPE NUMERIC(19, 4);
