import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 俗称: the words people type for what they want (the licence or card they need, an
 * abbreviation) and the words of the official item names they stand for. A search term that is
 * one of these words, typed in characters, pinyin initials or whole pinyin, also finds the
 * items whose names hold any of its expansions. The first rows cover the demo county's catalog;
 * a county adds its own with a migration of its own.
 */
const synonyms: Array<[word: string, expansions: string[]]> = [
  ["医保", ["医疗保险", "医疗保障", "就医", "医疗费用"]],
  ["社保", ["社会保障", "养老保险", "失业保险", "医疗保险", "工伤"]],
  ["社保卡", ["社会保障卡"]],
  ["公积金", ["住房公积金"]],
  ["营业执照", ["企业设立登记", "个体工商户设立登记", "企业变更登记", "农民专业合作社设立登记"]],
  ["执照", ["设立登记", "变更登记"]],
  ["驾照", ["机动车驾驶证"]],
  ["驾驶证", ["机动车驾驶证"]],
  ["车牌", ["机动车注册登记", "机动车号牌"]],
  ["行驶证", ["机动车注册登记"]],
  ["身份证", ["居民身份证"]],
  ["户口本", ["户口", "户籍"]],
  ["上户口", ["出生登记"]],
  ["结婚证", ["婚姻登记（结婚）", "结婚证书"]],
  ["离婚证", ["婚姻登记（离婚）"]],
  ["准生证", ["生育登记"]],
  ["房产证", ["不动产首次登记", "不动产转移登记", "不动产权属证书"]],
  ["过户", ["不动产转移登记", "用电更名过户"]],
  ["低保", ["最低生活保障"]],
  ["退休", ["基本养老金申领", "养老保险待遇申领"]],
  ["施工证", ["建筑工程施工许可证"]],
  ["卫生许可证", ["卫生许可"]],
  ["港澳通行证", ["往来港澳通行证"]],
  ["教师资格证", ["教师资格认定"]],
  ["开发票", ["代开增值税发票", "发票领用"]],
  ["报装", ["用电报装"]],
  ["装电表", ["用电报装"]],
  ["残疾补贴", ["残疾人生活补贴", "重度残疾人护理补贴"]],
];

export class SearchSynonyms1763769601600 implements MigrationInterface {
  name = "SearchSynonyms1763769601600";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE search_synonym (
        word VARCHAR(40) NOT NULL,
        expansion VARCHAR(100) NOT NULL,
        PRIMARY KEY (word, expansion)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    const rows = synonyms.flatMap(([word, expansions]) => expansions.map((expansion) => [word, expansion]));
    await queryRunner.query(`INSERT INTO search_synonym (word, expansion) VALUES ${rows.map(() => "(?, ?)").join(", ")}`, rows.flat());
    // Every instance reloads its listings, and the synonyms with them, when the revision moves.
    await queryRunner.query("UPDATE catalog_revision SET revision = revision + 1");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE search_synonym");
  }
}
