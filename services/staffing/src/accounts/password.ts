import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * scrypt, memory-hard: N = 2^15, r = 8 takes 32 MiB and about a tenth of a second per guess.
 * The parameters travel with each hash, so the cost can be raised later without a migration,
 * and a hash made at any cost is verified at the cost it was made with.
 */
export const scryptParameters = { logN: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const options = (logN: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** logN,
  r,
  p,
  // Node refuses above 32 MiB by default; allow twice the need.
  maxmem: 256 * 2 ** logN * r,
});

/**
 * Hashes passwords and secrets at the configured cost (`PASSWORD_HASH_COST`, log2 of scrypt's N):
 * 15 in production, lower only where a test seeds hundreds of accounts.
 */
export class PasswordHasher {
  private decoy: Promise<string> | null = null;

  constructor(private readonly logN: number = scryptParameters.logN) {}

  /** `scrypt$<logN>$<r>$<p>$<salt>$<hash>`, both in base64url. */
  async hash(password: string): Promise<string> {
    const { r, p, keyLength, saltLength } = scryptParameters;
    const salt = randomBytes(saltLength);
    const key = await scrypt(password, salt, keyLength, options(this.logN, r, p));
    return ["scrypt", this.logN, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
  }

  async verify(password: string, encoded: string): Promise<boolean> {
    const [scheme, logN, r, p, salt, hash] = encoded.split("$");
    if (scheme !== "scrypt" || !salt || !hash) return false;
    const expected = Buffer.from(hash, "base64url");
    const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, options(Number(logN), Number(r), Number(p)));
    return timingSafeEqual(actual, expected);
  }

  /** Checked against when the username is unknown, so an unknown name costs the same time as a wrong password. */
  decoyHash(): Promise<string> {
    this.decoy ??= this.hash(randomBytes(24).toString("base64url"));
    return this.decoy;
  }
}
