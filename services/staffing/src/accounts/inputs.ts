import { z } from "zod";
import { staffRoles } from "./accounts.rules";

/** Accounts' and sign-in's input, validated once at the service edge. */

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3-64 letters, digits, '.', '_' or '-'");
const password = z.string().min(1).max(128);
const roles = z.array(z.enum(staffRoles)).min(1).transform((r) => [...new Set(r)]);

export const createStaffAccountInput = z.object({ staffId: z.string().min(1), username, password, roles });
export const resetStaffPasswordInput = z.object({ staffId: z.string().min(1), password });
export const changeMyPasswordInput = z.object({ currentPassword: password, newPassword: password });
export const setStaffRolesInput = z.object({ staffId: z.string().min(1), roles });
/** A solved challenge (ALTCHA payload, base64 JSON); ProofOfWork checks the rest. */
const challenge = z.string().max(4096).nullish();
export const loginInput = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password, challenge });

export const registerCitizenInput = z.object({
  // Stored as typed and returned unchanged: text is never interpreted, only bound as a parameter and escaped by the reader.
  name: z.string().trim().min(1).max(100),
  idNumber: z.string().trim().toUpperCase().length(18, "18 characters"),
  phone: z.string().trim().regex(/^1\d{10}$/, "an 11-digit mobile number"),
  password,
});
export const loginCitizenInput = z.object({ idNumber: z.string().trim().toUpperCase().min(1).max(18), password, challenge });
export const refreshTokenInput = z.object({ refreshToken: z.string().min(1).max(200) });
const centerCode = z.string().regex(/^\d{12}$/, "12 digits");
export const createBankClientInput = z.object({ centerCode, name: z.string().trim().min(1).max(100) });
export const clientIdInput = z.object({ clientId: z.string().min(1).max(64) });
export const revokeSecretInput = z.object({ clientId: z.string().min(1).max(64), secretId: z.string().min(1).max(36) });
export const clientCredentialsInput = z.object({ clientId: z.string().min(1).max(64), clientSecret: z.string().min(1).max(200) });
