import { join } from "node:path";
import { serveCurrentLetters } from "@onestop/authorization";
import { supervisionEvents } from "@onestop/events";
import { FailureThrottle, loadChallengeKey, mergeResolvers, ProofOfWork, runSubgraph, SpentChallenges1763769601600, type SubgraphDefinition, type Worker } from "@onestop/platform";
import { AccessTokenSigner } from "./accounts/access-token";
import { AccountsRepository } from "./accounts/accounts.repository";
import { accountsResolvers } from "./accounts/accounts.resolvers";
import { AccountsService } from "./accounts/accounts.service";
import { CitizenAccountsService } from "./accounts/citizen-accounts.service";
import { accountsEntities } from "./accounts/entities";
import { Accounts1763769600008 } from "./accounts/migrations/1763769600008-accounts";
import { CitizensMachinesRefresh1763769600009 } from "./accounts/migrations/1763769600009-citizens-machines-refresh";
import { SignInThrottle1763769601502 } from "./accounts/migrations/1763769601502-sign-in-throttle";
import { RegistrationPhoneMasked1763769602401 } from "./accounts/migrations/1763769602401-registration-phone-masked";
import { MachineClientsService } from "./accounts/machine-clients.service";
import { PasswordHasher } from "./accounts/password";
import { SignInService } from "./accounts/sign-in.service";
import { assessmentHandlers, ratingHandler, ratingVoidedHandler } from "./assessment/assessment.handlers";
import { AssessmentRepository } from "./assessment/assessment.repository";
import { assessmentResolvers } from "./assessment/assessment.resolvers";
import { AssessmentService } from "./assessment/assessment.service";
import { assessmentEntities } from "./assessment/entities";
import { Assessment1763769600007 } from "./assessment/migrations/1763769600007-assessment";
import { RatingVoided1763769601601 } from "./assessment/migrations/1763769601601-rating-voided";
import { assignmentResolvers } from "./assignment/assignment.resolvers";
import { AssignmentService } from "./assignment/assignment.service";
import { AttendanceRepository } from "./attendance/attendance.repository";
import { attendanceResolvers } from "./attendance/attendance.resolvers";
import { AttendanceService } from "./attendance/attendance.service";
import { attendanceEntities } from "./attendance/entities";
import { Attendance1763769600006 } from "./attendance/migrations/1763769600006-attendance";
import { authorizationEntities } from "./authorization/entities";
import { CoversRepository } from "./covers/covers.repository";
import { CentersRepository } from "./centers/centers.repository";
import { centersResolvers } from "./centers/centers.resolvers";
import { CentersService } from "./centers/centers.service";
import { centersEntities } from "./centers/entities";
import { ServiceCenters1763769602201 } from "./centers/migrations/1763769602201-service-centers";
import { coversResolvers } from "./covers/covers.resolvers";
import { CoversService } from "./covers/covers.service";
import { coversEntities } from "./covers/entities";
import { WindowCovers1763769600010 } from "./covers/migrations/1763769600010-window-covers";
import { LettersRepository } from "./authorization/letters.repository";
import { lettersResolvers } from "./authorization/letters.resolvers";
import { LettersService } from "./authorization/letters.service";
import { AuthorizationLetters1763769600005 } from "./authorization/migrations/1763769600005-authorization-letters";
import { loadStaffingEnv, signingKeyFile, type StaffingEnv } from "./env";
import { ItemReplicaRow } from "./items/entities";
import { itemReplicaHandlers } from "./items/items.handlers";
import { ItemReplicaRepository } from "./items/items.repository";
import { ItemReplica1763769600004 } from "./items/migrations/1763769600004-item-replica";
import { organisationEntities } from "./organisation/entities";
import { Organisation1763769600001 } from "./organisation/migrations/1763769600001-organisation";
import { HallsWindowsStaff1763769600002 } from "./organisation/migrations/1763769600002-halls-windows-staff";
import { DepartmentPrincipals1763769601401 } from "./organisation/migrations/1763769601401-department-principals";
import { OrganisationRepository } from "./organisation/organisation.repository";
import { organisationResolvers } from "./organisation/organisation.resolvers";
import { OrganisationService } from "./organisation/organisation.service";
import { postsEntities } from "./posts/entities";
import { Posts1763769600003 } from "./posts/migrations/1763769600003-posts";
import { PostsRepository } from "./posts/posts.repository";
import { postsResolvers } from "./posts/posts.resolvers";
import { PostsService } from "./posts/posts.service";

export { staffingEnvSchema } from "./env";

export const staffingSubgraph: SubgraphDefinition<StaffingEnv> = {
  name: "staffing",
  rootDir: join(__dirname, ".."),
  entities: [
    ...organisationEntities,
    ...postsEntities,
    ItemReplicaRow,
    ...authorizationEntities,
    ...attendanceEntities,
    ...assessmentEntities,
    ...accountsEntities,
    ...coversEntities,
    ...centersEntities,
  ],
  migrations: [
    Organisation1763769600001,
    HallsWindowsStaff1763769600002,
    Posts1763769600003,
    ItemReplica1763769600004,
    AuthorizationLetters1763769600005,
    Attendance1763769600006,
    Assessment1763769600007,
    Accounts1763769600008,
    CitizensMachinesRefresh1763769600009,
    WindowCovers1763769600010,
    DepartmentPrincipals1763769601401,
    SignInThrottle1763769601502,
    RatingVoided1763769601601,
    SpentChallenges1763769601600,
    ServiceCenters1763769602201,
    RegistrationPhoneMasked1763769602401,
  ],
  wire({ env, logger, dataSource, unitOfWork, clock, nats }) {
    const organisationRepository = new OrganisationRepository(dataSource);
    const postsRepository = new PostsRepository(dataSource);
    const lettersRepository = new LettersRepository(dataSource);
    const itemsRepository = new ItemReplicaRepository(dataSource);
    const attendanceRepository = new AttendanceRepository(dataSource);
    const coversRepository = new CoversRepository(dataSource);

    const organisation = new OrganisationService(organisationRepository, unitOfWork, clock);
    const posts = new PostsService(postsRepository, organisationRepository, organisation, unitOfWork, clock);
    const letters = new LettersService(lettersRepository, itemsRepository, organisationRepository, postsRepository, unitOfWork, clock);
    const attendance = new AttendanceService(attendanceRepository, organisationRepository, postsRepository, coversRepository, unitOfWork, clock);
    const covers = new CoversService(coversRepository, organisationRepository, postsRepository, attendance, unitOfWork, clock);
    const assignment = new AssignmentService(organisationRepository, postsRepository, lettersRepository, itemsRepository, attendance, coversRepository, clock);
    const centers = new CentersService(new CentersRepository(dataSource), unitOfWork, clock);
    const assessment = new AssessmentService(new AssessmentRepository(dataSource), organisationRepository, postsRepository, attendanceRepository);

    const keyFile = signingKeyFile(env);
    const signer = keyFile
      ? AccessTokenSigner.fromJwkFile(keyFile, {
          issuer: env.AUTH_ISSUER,
          audience: env.AUTH_AUDIENCE,
          ttlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
        })
      : null;
    if (!signer) logger.warn("AUTH_SIGNING_KEY_FILE is not set: login is refused until it is");
    const accountsRepository = new AccountsRepository(dataSource);
    const signInThrottle = new FailureThrottle(dataSource);
    const passwords = new PasswordHasher(env.PASSWORD_HASH_COST);
    const accounts = new AccountsService(accountsRepository, organisationRepository, unitOfWork, clock, signInThrottle, passwords);
    const citizens = new CitizenAccountsService(accountsRepository, unitOfWork, clock, passwords);
    const signIn = new SignInService(
      accountsRepository,
      organisationRepository,
      postsRepository,
      unitOfWork,
      clock,
      signer,
      {
        maxFailures: env.LOGIN_MAX_FAILURES,
        firstLockSeconds: env.LOGIN_FIRST_LOCK_SECONDS,
        lockMinutes: env.LOGIN_LOCK_MINUTES,
        accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
        clientMaxFailures: env.LOGIN_CLIENT_MAX_FAILURES,
      },
      signInThrottle,
      new ProofOfWork(dataSource, loadChallengeKey(env, "staffing"), "staffing", env),
      passwords,
    );
    const machineClients = new MachineClientsService(accountsRepository, unitOfWork, clock, passwords);
    // Cases and fees confirm every act their replica allows against the letters as they are now.
    let currentLetters: { stop(): void } | null = null;
    const currentLettersResponder: Worker = {
      start: () => {
        currentLetters = serveCurrentLetters(nats, env.NATS_NAMESPACE, (staffId) => letters.currentLettersOf(staffId), (error) =>
          logger.warn({ err: error }, "a request for current letters failed"),
        );
      },
      stop: async () => currentLetters?.stop(),
    };

    return {
      resolvers: mergeResolvers(
        organisationResolvers(organisation),
        postsResolvers(posts, organisation),
        lettersResolvers(letters, organisation, clock),
        attendanceResolvers(attendance, organisation),
        coversResolvers(covers, organisation),
        assignmentResolvers(assignment, organisation),
        assessmentResolvers(assessment, organisation),
        accountsResolvers(accounts, citizens, signIn, machineClients),
        centersResolvers(centers),
      ),
      handlers: [
        ...itemReplicaHandlers(itemsRepository),
        ...assessmentHandlers(assessment),
        // 好差评 from supervision: each case's one rating, counted in its handler's month.
        ratingHandler(assessment, supervisionEvents.ratingSubmitted, (p) => ({ caseId: p.caseId, score: p.score, ratedAt: p.ratedAt })),
        // An appeal upheld (恶意差评): the rating leaves the month's figures; a rejected one changes nothing.
        ratingVoidedHandler(assessment, supervisionEvents.ratingAppealDecided, (p) => (p.decision === "UPHELD" ? p.caseId : null)),
      ],
      workers: [currentLettersResponder],
    };
  },
};

if (require.main === module) void runSubgraph(staffingSubgraph, loadStaffingEnv());
