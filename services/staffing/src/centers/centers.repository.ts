import type { DataSource, EntityManager } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { ServiceCenterRow } from "./entities";

/** The register of service centers: the only TypeORM code of the centers context. */
export class CentersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** False when the code is registered already. */
  async insert(tx: Tx, center: ServiceCenterRow): Promise<boolean> {
    try {
      await tx.manager.insert(ServiceCenterRow, center);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  find(code: string, tx?: Tx): Promise<ServiceCenterRow | null> {
    return this.manager(tx).findOneBy(ServiceCenterRow, { code });
  }

  lock(tx: Tx, code: string): Promise<ServiceCenterRow | null> {
    return tx.manager.createQueryBuilder(ServiceCenterRow, "c").setLock("pessimistic_write").where("c.code = :code", { code }).getOne();
  }

  findMany(codes: readonly string[]): Promise<ServiceCenterRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(ServiceCenterRow, "c").where("c.code IN (:...codes)", { codes }).getMany();
  }

  /** Every center whose code starts with the prefix (a county's 6 digits, a township's 9), by code. */
  underPrefix(prefix: string): Promise<ServiceCenterRow[]> {
    return this.dataSource.manager
      .createQueryBuilder(ServiceCenterRow, "c")
      .where("c.code LIKE :prefix", { prefix: `${prefix}%` })
      .orderBy("c.code", "ASC")
      .getMany();
  }

  childrenOf(code: string): Promise<ServiceCenterRow[]> {
    return this.dataSource.getRepository(ServiceCenterRow).find({ where: { parentCode: code }, order: { code: "ASC" } });
  }

  async save(tx: Tx, center: ServiceCenterRow): Promise<void> {
    await tx.manager.save(ServiceCenterRow, center);
  }
}
