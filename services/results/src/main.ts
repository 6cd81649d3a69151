import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FailureThrottle, LocalDirectoryStore, mergeResolvers, runSubgraph, S3Store, type BlobStore, type SubgraphDefinition } from "@onestop/platform";
import { documentRoutes } from "./documents/documents.http";
import { DocumentsRepository } from "./documents/documents.repository";
import { DocumentsService } from "./documents/documents.service";
import { documentEntities } from "./documents/entities";
import { DocumentIssuing } from "./documents/issuing.service";
import { TemplatesService } from "./documents/templates.service";
import { loadResultsEnv, type ResultsEnv } from "./env";
import { factEntities } from "./facts/entities";
import { factHandlers } from "./facts/facts.handlers";
import { FactsRepository } from "./facts/facts.repository";
import { licenceEntities } from "./licences/entities";
import { LicencesService } from "./licences/licences.service";
import { Results1763769601900 } from "./migrations/1763769601900-results";
import { AgentCenter1763769602301 } from "./migrations/1763769602301-agent-center";
import { PdfRenderer } from "./rendering/pdf-renderer";
import { resultsResolvers } from "./resolvers";

export { resultsEnvSchema } from "./env";
export { PdfRenderer } from "./rendering/pdf-renderer";
export { documentContent } from "./rendering/templates.rules";

/** DOCUMENT_STORE's store, its staging directory made (env.ts has checked the S3 settings are all there). */
export function documentStore(env: ResultsEnv): BlobStore {
  if (env.DOCUMENT_STORE === "s3") {
    mkdirSync(env.DOCUMENT_STAGING_DIR, { recursive: true });
    const secretAccessKey = env.S3_SECRET_ACCESS_KEY_FILE ? readFileSync(env.S3_SECRET_ACCESS_KEY_FILE, "utf8").trim() : env.S3_SECRET_ACCESS_KEY!;
    return new S3Store(
      { endpoint: env.S3_ENDPOINT!, bucket: env.S3_BUCKET!, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey, prefix: env.S3_PREFIX },
      env.DOCUMENT_STAGING_DIR,
    );
  }
  const store = new LocalDirectoryStore(env.DOCUMENTS_DIR);
  mkdirSync(store.stagingDir, { recursive: true });
  return store;
}

export const resultsSubgraph: SubgraphDefinition<ResultsEnv> = {
  name: "results",
  rootDir: join(__dirname, ".."),
  entities: [...factEntities, ...documentEntities, ...licenceEntities],
  migrations: [Results1763769601900, AgentCenter1763769602301],
  wire({ dataSource, unitOfWork, clock, env, logger, authenticateRoute }) {
    const facts = new FactsRepository();
    const repository = new DocumentsRepository(dataSource);
    const store = documentStore(env);
    const renderer = new PdfRenderer(
      { regularFile: env.RESULTS_FONT_PATH, regularName: env.RESULTS_FONT_NAME, boldFile: env.RESULTS_FONT_BOLD_PATH, boldName: env.RESULTS_FONT_BOLD_NAME },
      env.VERIFY_URL,
    );
    const verificationKey = env.VERIFICATION_KEY_FILE ? readFileSync(env.VERIFICATION_KEY_FILE, "utf8").trim() : env.VERIFICATION_KEY;
    const issuing = new DocumentIssuing(facts, repository, renderer, store, { centerNames: env.CENTER_NAMES, verificationKey, licenceValidYears: env.LICENCE_VALID_YEARS }, logger);
    const documents = new DocumentsService(repository, facts, store, new FailureThrottle(dataSource), unitOfWork, clock, env.CENTER_NAMES, {
      clientMaxFailures: env.VERIFY_CLIENT_MAX_FAILURES,
      lockMinutes: env.VERIFY_LOCK_MINUTES,
    });
    const licences = new LicencesService(repository, issuing, unitOfWork, clock);
    const templates = new TemplatesService(repository, facts, unitOfWork, clock);
    return {
      resolvers: mergeResolvers(resultsResolvers(documents, licences, templates, clock)),
      handlers: factHandlers(facts, issuing),
      routes: documentRoutes({ documents, authenticate: authenticateRoute, logger }),
    };
  },
};

if (require.main === module) void runSubgraph(resultsSubgraph, loadResultsEnv());
