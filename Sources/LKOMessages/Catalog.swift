// The message catalog: every text lko shows people, in Russian and in English, by key.
// Placeholders are `{name}`; both languages of a key have the same placeholders (a test checks
// it). Diagnostic codes and JSON keys are not here: they are language-neutral.

public enum MessageKey: String, CaseIterable, Sendable {
    // MARK: the application's errors (AppError)
    case verbatim
    case caseNotFound, notFound, unauthenticated, policyRejected, wrongPassword, currentPasswordWrong, accountLocked
    case accountDisabled, accountRemoved, sessionInvalid, forbidden, unknownLogin, loginTaken, invalidLogin, invalidField
    case weakPassword, blocked, lastAdministrator, policyLockout, unknownVersion, nothingToRollBack, busy, noActivePolicy
    case stateForbids, separationOfDuties, absenceNotFound, notExecutor
    case workflowAlreadyAssigned, workflowTermRanOut, workflowLateRedirect, workflowAlreadyExtended, workflowExtendAppealsOnly
    case workflowNoDraft, workflowNoAccount, workflowTargetDisabled
    case passwordTooShort, passwordTooLong, passwordContainsLogin, passwordSameAsCurrent
    case fieldFullName, fieldPosition, fieldDepartment, fieldEmail

    // MARK: the command line: common
    case prefixError, prefixWarning, prefixNote, deprecatedFlag, formatConflict, formatUnsupported, loginHint
    case usageSeeHelp, didYouMean, unknownHelpTopic, unknownCommand, examplesHeading
    case promptPassword, promptRepeatPassword, promptCurrentPassword, promptNewPassword
    case passwordStdinEmpty, passwordNoTerminal, passwordsDiffer, passwordNotEntered
    case cannotRead, cannotWrite, noDatabase, serverRefused

    // MARK: the command line: commands, reports, help
    case checkSummary, checkVersion, checkAcceptedCount, checkAcceptedHeading, checkAcceptedAt, policyHasErrors, testPass, testFail, testGot, testSummary, fmtSyntaxErrors, fmtWouldReformat, fmtFormatted, fmtNotFormatted, explainUnknownNode, explainLoginUnknown, diffSideHasErrors, tableEmpty, columnExecutor, columnNumber, columnState, columnSubcategory, columnDeadline, columnWorkingDaysLeft, columnFlag, columnDay, columnViolation, columnCalendarDays, columnWorkingDays, columnResponsible, columnActingFor, columnRegime, columnWhen, columnWho, columnEvent, columnComment, columnTo, columnFrom, columnUntil, columnReason, columnSubstitute, columnStatus, columnLogin, columnFullName, columnPosition, columnKind, columnVersion, columnObject, columnDetails, flagOverdue, flagAtRisk, flagDueToday, flagDueDuringAbsence, controlSummary, titleDailyControl, titleOverdue, titleViolations, periodDefault, violationsSummary, titleResponsibility, titleCaseList, titleCaseHistory, titleAbsences, titleUsers, titleHistory, titleAudit, regimeAppeal, regimeMessage, coordinatorQueue, fastTrack, sourceNamed, receivedLine, extensionDays, actingForName, caseHeading, fieldState, fieldCategory, fieldRegime, fieldChannel, fieldLocality, fieldReceived, fieldTerm, fieldDeadline, fieldAssignee, fieldRoutedBy, fieldApplicant, fieldDescription, fieldAnswer, afterAction, assigneeNamed, deadlineOn, importSummary, importRoutedBy, importReplaced, notCovered, openEnded, absenceOf, movesNone, movesHeading, routeLine, substituteLoad, absenceRecordedHandedOver, absenceRecordedLater, absenceEnds, absenceProcessed, absenceCancelled, absenceChanged, caseNamed, absenceNamed, findingsSummary, delegationDone, delegationPending, loggedIn, atServer, loggedOut, userAdded, userDisabled, userEnabled, userEnabledStillLocked, userEnabledUnlocked, userUnlocked, userRemoved, handedOver, tokenSessionEnded, passwordChangedOwn, passwordChangedOther, lockedUntil, sandbox, noPolicyYet, applyRisksNeedYes, applyConfirmPrompt, applyNotConfirmed, applyFromCommit, applyFromDirtyCommit, policyActivated, policyUnchanged, policyRolledBack, serverRefusedHint, manualWritten, manualEnvLanguage, manualEnvNoColor, manualEnvDatabase, manualExitStatus, helpRootAbstract, helpCheckAbstract, helpTestAbstract, helpFmtAbstract, helpExplainAbstract, helpDeadlineAbstract, helpDiffAbstract, helpCaseAbstract, helpCaseImportAbstract, helpCaseListAbstract, helpCaseShowAbstract, helpCaseHistoryAbstract, helpCaseAssignAbstract, helpCaseReassignAbstract, helpCaseDraftAbstract, helpCaseSubmitAbstract, helpCaseApproveAbstract, helpCaseReturnAbstract, helpCaseRedirectAbstract, helpCaseExtendAbstract, helpCaseReopenAbstract, helpCaseReclassifyAbstract, helpCaseReclassifyDiscussion, helpReportAbstract, helpReportDailyAbstract, helpReportOverdueAbstract, helpReportResponsibilityAbstract, helpReportViolationsAbstract, helpAbsenceAbstract, helpAbsencePlanAbstract, helpAbsenceAddAbstract, helpAbsenceChangeAbstract, helpAbsenceListAbstract, helpAbsenceEndAbstract, helpAbsenceCancelAbstract, helpDelegationAbstract, helpDelegationCheckAbstract, helpTickAbstract, helpLoginAbstract, helpLogoutAbstract, helpWhoamiAbstract, helpUserPasswdAbstract, helpCompletionAbstract, helpCompletionDiscussion, helpManualAbstract, helpManualDiscussion, helpRootDiscussion, helpCheckDiscussion, helpTestDiscussion, helpFmtDiscussion, helpExplainDiscussion, helpDeadlineDiscussion, helpDiffDiscussion, helpCaseDiscussion, helpCaseImportDiscussion, helpAbsenceDiscussion, helpAbsenceChangeDiscussion, helpLoginDiscussion, helpUserPasswdDiscussion

    // MARK: errors and workflow texts — section A
    // the application's refusals (AppError)
    case errPeriodStartAfterEnd, errNoPOSSnapshot, errNothingApplied, errSheetRowsRange, errAccessViewForbidden, errNoAccountNorRights
    case errUnknownAction, errUnknownActionChoices, errUnknownNode, errHandoverRefused, errNobody, errNone
    case errEnterLogin, errEnterPassword, errEnterCurrentPassword, errEnterNewPassword, errUntilOrOpenEnded, errAbsenceEndsBeforeStart
    case errAbsenceReasonChoices, errEnterSubstitute, errAbsenceChangeNothing, errEnterAbsentee, errCheckWindowRange, errEnterDate, errUnreadableDate
    case errPageRange, errPerPageRange, errTextTooLong, errTextHasNUL, errChooseExecutor, errEnterAnswerText, errEnterReturnComment
    case errEnterRedirectTarget, errRedirectKindChoices, errEnterReclassifyTarget, errEnterReclassifyReason, errExtendDaysRange, errEnterExtendReason
    case errModerationIsPlatform, errExplainOthersForbidden, errNoSuchSubcategory, errTermDaysRange, errTermUnitChoices
    case errPolicyFilesMissing, errPolicyTooManyFiles, errPolicyTooLarge, errPolicyFileName, errRisksUnconfirmed, errCommentTooLong
    case errSetInitialPassword, errOwnPasswordElsewhere, errSetNewPassword, errAuditChainBroken, errAuditChainIntact
    // the workflow's refusals (WorkflowError)
    case wfPlatformEvent, wfExecutorRequired, wfDraftTextRequired, wfReturnCommentRequired, wfRedirectTargetRequired, wfRedirectKind
    case wfExtendDaysRequired, wfExtendReasonRequired, wfModerationDateUnreadable, wfReclassifyTargetRequired, wfReclassifyReasonRequired
    case wfUnknownNode, wfNodeIsCategory, wfAlreadyInNode
    case absErrNotFound, absErrCancelledNoChange, absErrEndedNoChange, absErrNothingToChange, absErrFirstDayFixed, absErrLastDayTooEarly
    case absErrNotRecorded, absErrNotChanged, absErrWasCancelled, absErrAlreadyCancelled, absErrAlreadyEnded, absErrNotStartedUseCancel
    case absErrEndOnlyEarlier, absErrStartedUseEnd
    // the delegation plan's errors and warnings, and `delegation check`
    case planAbsenteeNoAccount, planSubstituteIsAbsentee, planSubstituteNoAccount, planSubstituteDisabled, planEndsBeforeStart, planOverlapping
    case planCycle, planSpanOneDay, planSpanDays, planPerson, planNotCovering, planGap, planReasonCases, planReasonAutorule, planReasonFasttrack
    case planChain, planMoreChainDays, planNotCoveredPartial, planAlreadyOver, planDueDuringAbsence, planOverloaded, planSuggestion, planCoverHint
    case planApprovalGap, planApprovalReasons, planApprovalAway, planApprovalAwayEntry, planApprovalSeparated, planLoginPlaceholder
    // absences, delegation, cases and reports: options, arguments, checks
    case absOptLogin, absOptFrom, absOptUntil, absOptReason, absOptSubstitute, absOptReturnOpenCases, absOptAllowPartial, absOptListAt, absOptListLogin
    case absOptID, absOptEndAt, absOptCheckFrom, absOptCheckDays, absOptChangeFrom, absOptChangeUntil, absOptOpenEnded, absOptChangeSubstitute
    case absOptChangeReturnOpenCases, absOptChangeAllowPartial, absOptDryRun, absValCheckDays, absValUntilOrOpenEnded
    case caseOptImportFile, caseImportingRemote, caseImportingProgress, caseOptState, caseOptAssignee, caseOptOverdue, caseValUnknownState
    case caseOptNumber, caseOptExecutor, caseOptText, caseOptFile, caseValTextOrFile, caseOptComment, caseOptReturnComment, caseOptRedirectTo
    case caseOptRedirectKind, caseOptRedirectComment, caseOptExtendDays, caseOptExtendComment, caseOptReclassifyTo, caseOptReclassifyComment, caseOptReopenComment
    case reportOptDay, reportOptOverdueDay, reportOptUntil, reportOptFrom, reportOptTo
    // audit commands
    case auditCmdAbstract, auditCmdLogAbstract, auditCmdOptSince, auditCmdOptActor, auditCmdOptObject, auditCmdOptLimit, auditCmdValSince, auditCmdValLimit
    case auditCmdVerifyAbstract, auditCmdVerifyDiscussion, auditCmdOptCheckpoints, auditCmdOptDeep, auditCmdOptKey, auditCmdNeedsFile
    case auditCmdIntact, auditCmdBroken, auditCmdBrokenError, auditCmdCheckpoints, auditCmdProvenThrough, auditCmdProblem, auditCmdRowsClean, auditCmdRowsFindings
    case auditCmdTailUnproven, auditCaveatNoValidCheckpoint, auditCaveatAfterCheckpoint, auditCaveatNoCheckpoints
    case auditCmdCheckpointAbstract, auditCmdCheckpointDiscussion, auditCmdOptDir, auditCmdOptSigningKey, auditCmdCheckpointNeedsFile, auditCmdCheckpointWritten
    // access: `lko user show`, `lko access review`, `lko access who-can`
    case accessHeading, accessLocked, accessStatusActive, accessStatusDisabled, accessStatusRemoved, accessStatusNoAccount
    case accessRoles, accessGrantsHeading, accessGrantLine, accessRoleNamed, accessFrom, accessUntil, accessNotValidThatDay
    case accessReachAny, accessReachGranted, accessReachAssigned, accessReachAssignedAndGranted, accessRightLine
    case accessSourceGrant, accessSourceAbsence, accessDerivedHeading, accessAbsencesHeading, accessAbsenceAway, accessAbsenceStandsIn
    case accessOpenCases, accessWarnInactive, accessWarnNoAccount, accessWhoCanLine
    case accessReviewTitle, accessReviewPolicy, accessReviewCompared, accessColumnRight, accessColumnSource, accessReviewChanges
    case accessChangeGained, accessChangeLost, accessViaGrant, accessViaAbsence
    case absStatusPlanned, absStatusInProgress, absStatusEnded, absStatusCancelled
    // the production calendar: `lko deadline --explain`, its errors
    case calDayLine, calWorking, calNonWorking, calWeekdays, calReasonOrdinary, calReasonWeekend, calReasonHoliday, calReasonTransferred
    case calReasonWorkingWeekend, calReasonDeclaredWorking, calReasonDeclaredDayOff, calStep, calStepSkipped, calStepCounted, calStepChosen
    case calNoteSwallowed, calExplainHead, calExtension, calTermCalendarDays, calTermWorkingDays, calYearNotCovered
    case calOverrideYearNotCovered, calOverrideDuplicateDate, calOverrideMissingSource, calOverrideInvalidYear, calOverrideDuplicateYear
    case calSubjectYear, calSubjectOverride, wfCalendarCannotBuild, wfCalendarAddYear
    // the database file, account fields, account blockers, absences carried out
    case errDatabaseMissing, errDatabaseExists, errNotAnLKODatabase, errSchemaTooNew, errClockOverrideRefused, errSandboxTampered
    case fieldErrNameEmpty, fieldErrTooLong, fieldErrControlCharacters, fieldErrNotAnAddress, fieldErrCannotCreate, fieldErrCannotRead, fieldErrBackupIntegrity, fieldErrBackupPostgres
    case blockerOpenCases, blockerPendingSubstitute
    case delegationMoveHandover, delegationMoveHandback, delegationMoveStays
    // the audit log's events and details (`lko audit log`)
    case actorSystem, auditDetailPair, auditYes, auditNo, columnEventCode
    case auditEvDatabaseInit, auditEvAuditBaseline, auditEvLogin, auditEvLoginFailed, auditEvLoginRefused, auditEvLogout, auditEvDenied
    case auditEvUserAdd, auditEvUserDisable, auditEvUserEnable, auditEvUserRemove, auditEvUserUnlock, auditEvUserLocked, auditEvUserPasswd, auditEvUserRehash
    case auditEvPolicyApply, auditEvPolicyRollback, auditEvAccessReview, auditEvPOSImport, auditEvPOSApplied
    case auditEvCaseImport, auditEvCaseImportBatch, auditEvCaseModerate, auditEvCaseReject, auditEvCaseAssign, auditEvCaseReassign, auditEvCaseDraft
    case auditEvCaseSubmit, auditEvCaseApprove, auditEvCaseReturn, auditEvCaseRedirect, auditEvCaseExtend, auditEvCaseReopen, auditEvCaseReclassify
    case auditEvCaseHandover, auditEvCaseHandback
    case auditEvAbsenceAdd, auditEvAbsenceChange, auditEvAbsenceCancel, auditEvAbsenceEnd, auditEvAbsenceStart, auditEvAbsenceFinish, auditEvAbsencePast
    case auditDlSandbox, auditDlRole, auditDlReason, auditDlFrom, auditDlTo, auditDlAssignee, auditDlLogin, auditDlSubstitute, auditDlUntil
    case auditDlAbsence, auditDlMoved, auditDlReturned, auditDlLastDay, auditDlWasLocked, auditDlTombstone, auditDlMessage, auditDlPrevious
    case auditDlVersion, auditDlPolicy, auditDlDay, auditDlFailures, auditDlKind, auditDlLateDays, auditDlVia, auditDlFromNode, auditDlToNode
    case auditDlBy, auditDlPosition, auditDlDepartment, auditDlFile, auditDlRows, auditDlInserted, auditDlModerated, auditDlUnchanged, auditDlBad
    case auditDlChanged, auditDlBefore, auditDlAfter, auditDlAction, auditDlGrantsAdded, auditDlGrantsRemoved, auditDlActive, auditDlAsOf
    case fieldErrCannotWrite, fieldErrNoSigningKey, fieldErrAuditEmpty, fieldErrCannotWriteInto
    case fieldNameAuditKey, fieldNameAudit, fieldNameCheckpoint, fieldNameBackup
    case auditDlSince, auditDlGitCommit, auditDlGitClean, auditDlBatch, auditDlFirst, auditDlLast, auditDlLines
    case auditValInitialAdministrator, auditValUnknownLogin, auditValRemovedAccount, auditValLocked, auditValDisabled, auditValNoPolicy, auditValNotExecutor
    // refusals: no policy yet, the actor's account, a refused policy and its tests, `lko apply`'s warnings, versions
    case errNoPolicyOnlyFirstAccount, wfDeniedNoAccount, wfDeniedAccountDisabled
    case errPolicyHasErrors, errPolicyTestsFail, applyTestFailure, applyTestGot, applyTestGotMore, applyWarnNoAccount
    case errVersionAlreadyActive, errVersionAmbiguous, historyUncommitted, historyKindApply, historyKindRollback, cliThisCommand
    case reviewLabelActive, reviewLabelCandidate, reviewNoActivePolicy
    // `lko audit verify`: where the chain breaks, the checkpoints' and the rows' problems
    case auditBreakMissing, auditBreakOutOfOrder, auditBreakNotFollowing, auditBreakEdited
    case auditCpUnreadable, auditCpBadSignature, auditCpOtherDatabase, auditCpEntryMissing, auditCpEntryChanged
    case auditRowFinding, auditRowLastRecorded, auditRowDigestsEdited, auditRowDigestsUnexpected, auditRowNotRecorded
    case auditRowDeletedButPresent, auditRowEdited, auditRowDeleted
    // `lko case import`: why a line is refused
    case impPosNumberMissing, impEpguNumberType, impReceivedAtMissing, impControlCharacter, impEpguTooLong, impNULCharacter, impPosNumberForm
    case impRegimeValue, impRegimeMissing, impNoNode, impUnknownNode, impNodeIsCategory, impChannelValue, impReceivedAtNotDate
    case impModerationAtNotDate, impStatusValue, impFieldTooLong, impNotObjectBare, impWrongType, impNotObject, impBadModerationDate
    case authorizeUndecided
    // (end of section A)

    // MARK: the policy review (diff) and explanations — section B
    // the review report (`lko diff`, `lko apply`, the API's policy review)
    case diffNoEffectiveChange, diffSummaryAccess, diffNounLogin, diffSummaryRoles, diffSummaryTree, diffSummaryRouting, diffSummaryFindings
    case diffSummarySubstitutes, diffSummaryAcceptances, diffRiskCount, diffSummaryRisks, diffTitle, diffMarkdownTitle
    case diffSectionRisks, diffSectionAccess, diffSectionRoles, diffSectionTree, diffSectionRouting, diffSectionFindings, diffSectionSubstitutes, diffSectionAcceptances
    case diffHolders, diffFindingNew, diffFindingResolved, diffPassesOn, diffAcceptance
    case diffTableRisks, diffTableAccess, diffTableRoles, diffTableTree, diffTableRouting, diffTableFindings, diffTableSubstitutes, diffTableAcceptances
    case diffGained, diffLost, diffAdded, diffRemoved, diffInNodes, diffFrom, diffUntil, diffCauseRoleUnknown, diffCauseRole
    case diffRoleNew, diffRoleRemoved, diffRoleRenamed
    case diffRiskKindEscalation, diffRiskKindCoverage, diffRiskKindLostAccess, diffRiskKindLockout
    case diffRiskGains, diffRiskStandIn, diffAnyone, diffRiskCoverage, diffRiskLostAccess, diffRiskLockout
    case diffTreeAdded, diffTreeRemoved, diffTreeRenamed, diffTreeMoved, diffTreeTermKind, diffTreeAccelerated
    case diffTreeWith, diffTreeMovedFrom, diffTermOfAppeal, diffTermOfMessage, diffTreeTerm, diffTreeNowAccelerated, diffTreeNoLongerAccelerated
    case diffNounCalendarDay, diffNounWorkingDay
    case diffRoutingNotInTree, diffRoutingNoRule, diffRoutingAutoRule, diffRoutingFastTrack, diffRoutingOutcome, diffRoutingMore
    case diffRoutingRegime, diffRoutingChannel, diffRoutingSource, diffRoutingLocality, diffRoutingAnyOther, diffRoutingCombinations, diffRoutingCombinationCount
    case diffRegimeAppeal, diffRegimeMessage
    // explanations (`lko explain`, `lko test`, the lines of a 403)
    case explainHead, explainCaseIn, explainAssignedTo, explainUnassigned, explainNoCase
    case explainLineGrant, explainLineRule, explainLineScope, explainLineVia, explainLineReason
    case explainGrant, explainScopeAny, explainScopeGranted, explainScopeAssigned, explainScopeAssignedAndGranted, explainWholeTree
    case explainVia, explainOpenEnded, explainPassedOn, substituteKindExecutor, substituteKindApprover
    case denyNoGrant, denyRoleLacksAction, denyRolesAllowing, denyNoRoleAllows, denyNotYetValid, denyExpired, denyNoCase, denyNotInGrantedNodes, denyNotAssigned, denyNothing
    // help and messages of `lko diff`, `lko explain`, `lko apply`, `history`, `show-policy`, `rollback`
    case diffArgOld, diffArgNew, diffOptFailOn, diffOptPolicy, diffOptPolicyDir, diffOptAt, diffOptDb
    case diffSideNoRepository, diffSideNotRevision, diffRevisionNoFolder, diffArchiveUnreadable, diffRevisionNoFiles, diffGitCannotRun, diffGitFailed
    case explainArgLogin, explainArgAction, explainOptSubcategory, explainOptCategory, explainOptAssignee, explainOptAt, explainOptPolicy, explainOptDb
    case applyAbstract, applyDiscussion, applyOptMessage, applyFlagYes, historyAbstract
    case showPolicyAbstract, showPolicyArgVersion, showPolicyFlagTables, showPolicyHeader, rollbackAbstract, rollbackArgVersion, rollbackOptMessage
    // (end of section B)

    // MARK: option and argument help — section C
    // shared options: --db, --server, --policy, --format, --csv-dialect
    case optDb, optServer, optPolicy, argPolicyDir, optFormat, flagJsonDeprecated, optCsvDialect
    // the parser's own words (headings, --help, --version, values and defaults)
    case optParserOverview, optParserUsage, optParserArguments, optParserOptions, optParserSubcommands, optParserSeeHelp, optParserHelp, optParserVersion, optParserValues, optParserDefault
    // login, user, init
    case optLoginYours, flagPasswordStdin, flagPrintToken, flagNewPasswordStdin, flagPasswordsStdin
    case optUserAbstract, optUserAddAbstract, optUserListAbstract, optUserShowAbstract, optUserDisableAbstract, optUserEnableAbstract, optUserUnlockAbstract, optUserRemoveAbstract
    case argLoginForGrants, argLogin, argLoginDefaultYours, optFullName, optPosition, optDepartment, optEmail, optHandoverTo
    case optInitAbstract, optInitDiscussion, optInitLogin, optInitFullName, optInitPosition, flagSandbox, optInitAuditKey
    // serve, backup
    case optServeAbstract, optServeDiscussion, optListen, flagBehindTlsProxy, optAddressFile, optCheckpointDir, optServeAuditKey
    case optBackupAbstract, optBackupDiscussion, argBackupDestination
    // pos
    case optPosAbstract, optPosDiscussion, optPosImportAbstract, optPosImportDiscussion, argPosExportFile, optPosAsOf, optPosShow
    case optPosMonitorAbstract, optPosMonitorAt, optPosFormat, optPosDriftAbstract, optPosDriftDiscussion, optPosFrom, optPosTo
    case optPosEventsAbstract, argPosNumber, optPosSheetAbstract, optPosSheetDiscussion, optSheetFormat, optSheetSince, optOutFile, optSheetMap
    case optPosAppliedAbstract, argPosAppliedVersion, optPosGenerateAbstract, optPosRows, optPosSeed, optPosGenerateAsOf, flagPosCsv, flagPosClean, optPosOut
    // access
    case optAccessAbstract, optAccessWhoCanAbstract, argAction, argSubcategory, optDay, optAccessReviewAbstract, optAccessReviewDiscussion, optAccessReviewFormat, flagAccessRecord
    // completion, manual
    case argShell, optManualOut
    // check, test, fmt, deadline, compile
    case flagStrict, optCheckAt, optCheckDb, optTestAt, flagTestVerbose, flagFmtCheck, flagFmtDiff
    case optDeadlineFrom, optDeadlineDays, flagWorkingDays, flagNextWorkingDay, optExtend, flagDeadlineExplain, optDeadlinePolicy
    case optCompileAbstract, optCompileDiscussion, optCompileOut, optCompileBundle, optCompileFormat
    case optAuthorizeAbstract, optAuthorizeDiscussion, optAuthorizePolicy, optAuthorizeBundle, optAuthorizeRequests, optAuthorizeAt
    // the parser's error messages (Support/ParserErrors.swift): the English is ArgumentParser's own, matched by shape
    case parserUnknownOption, parserUnknownOptionSuggestion, parserUnexpectedArgument, parserUnexpectedArguments, parserMissingArgument, parserMissingOption
    case parserMissingValue, parserMissingValueComposite, parserInvalidValue, parserPossibleValues, parserPossibleValuesList, parserDateForms
    case parserValueNotTaken, parserInvalidOption
    // the command line's own messages
    case cliDbOrServer, cliListenAddress, cliNowUnreadable, cliSessionFileUnwritable, cliPasswordHashingFailed, cliHandoverLocalOnly
    case cliAccessLocalOnly, cliNobodyMay, cliAccessRecorded, cliColorValues, cliPolicyGivenTwice, cliDaysRange, cliExtendRange
    case cliCompileFormatUnsupported, cliCompileJsonAndOut, cliCompileWrittenTo, cliTablesSummary, cliBackupWritten, cliServeListening
    case cliInitCreated, cliInitSandbox, cliInitAuditKey, cliWritten, cliPosGenerated, cliPosFileTooLarge, cliPosFileUnreadable, cliPosApplied
    case cliCalendarUnreadable, cliCalendarAdditions, cliCalendarNotCovered, cliDelegationLine, cliPendingAbsencesFailed, cliManualSeeAlso
    // --server: the address and the server's answers
    case cliServerAddress, cliServerBadAddress, cliServerBadRequest, cliServerUnreadableAnswer, cliServerNoAnswer, cliServerHTTPStatus
    case cliServerFailed, cliServerUnreachable, cliNetTimeout, cliNetRefused, cliNetUnknownHost, cliNetLost, cliNetTLS
    // (end of section C)

    // MARK: policy diagnostics (check, lint) — section D
    // rendering: the words around a diagnostic
    case diagSeverityError, diagSeverityWarning, diagNoteWord, diagHelpWord, diagNoLocation, diagAndMore
    // titles of the codes (`lko check --format json`)
    case diagTitleE0001, diagTitleE0002, diagTitleE0003, diagTitleE0004, diagTitleE0005, diagTitleE0010, diagTitleE0011, diagTitleE0012
    case diagTitleE0013, diagTitleE0014, diagTitleE0015, diagTitleE0101, diagTitleE0102, diagTitleE0103, diagTitleE0104, diagTitleE0105
    case diagTitleE0106, diagTitleE0107, diagTitleE0108, diagTitleE0110, diagTitleE0111, diagTitleE0112, diagTitleE0201, diagTitleE0202
    case diagTitleE0203, diagTitleE0204, diagTitleE0205, diagTitleE0206, diagTitleE0207, diagTitleE0208, diagTitleE0209, diagTitleE0210
    case diagTitleE0211, diagTitleE0301, diagTitleE0302, diagTitleE0303, diagTitleE0401, diagTitleW0501, diagTitleW0502, diagTitleW0503
    case diagTitleW0504, diagTitleW0505, diagTitleW0506, diagTitleW0507, diagTitleW0508, diagTitleW0509, diagTitleW0510, diagTitleW0511
    // "did you mean" failing: what exists
    case diagSuggestRoles, diagSuggestNoRole, diagSuggestActions, diagSuggestNoAction, diagSuggestScopes, diagSuggestNoScope, diagSuggestRegimes
    case diagSuggestNoRegime, diagSuggestChannels, diagSuggestNoChannel, diagSuggestDeadlineRules, diagSuggestNoDeadlineRule, diagSuggestCategories
    case diagSuggestNoCategory, diagSuggestSubcategories, diagSuggestNoSubcategory, diagSuggestFacts, diagSuggestNoFact, diagSuggestKinds
    case diagSuggestNoKind, diagSuggestWarningCodes, diagSuggestNoWarningCode, diagSuggestLogins, diagSuggestNoLogin, diagSuggestAutorules
    case diagSuggestNoAutorule, diagSuggestFasttracks, diagSuggestNoFasttrack
    // reading the text (E00xx) and the policy folder
    case diagInvalidUTF8, diagInvalidUTF8Label, diagInvalidUTF8Help, diagUnexpectedCharacter, diagUnexpectedText, diagUnexpectedNUL
    case diagUnexpectedControl, diagUnexpectedLabel, diagUnexpectedHelpNames, diagUnexpectedHelpQuotes, diagUnexpectedHelpSemicolon
    case diagUnknownEscape, diagUnknownEscapeLabel, diagUnknownEscapeHelp, diagUnterminatedString, diagUnterminatedStringLabel, diagUnterminatedStringHelpBrace
    case diagUnterminatedStringHelpLine, diagNumberTooLarge, diagNumberTooLargeLabel, diagNumberTooLargeHelp, diagInvalidDate, diagInvalidDateLabel
    case diagInvalidDateHelp, diagNotANumber, diagNotANumberLabel, diagNotANumberHelp, diagLoadNotFound, diagLoadNoFiles, diagLoadUnreadable
    case diagLoadCannotList, diagLoadNotRegularFile, diagLoadTooLarge
    // the parser: what was expected, what was found
    case diagExpectedFound, diagExpectedLabel, diagFoundString, diagTokenName, diagTokenString, diagTokenNumber, diagTokenDate, diagTokenEndOfFile
    case diagTokenInvalid, diagHelpTitleQuotes, diagHelpDateFormat, diagStrayBrace, diagStrayBraceLabel, diagStrayBraceHelp, diagUnknownStatement
    case diagExpectedStatement, diagNotAllowedHere, diagBlockMayContain, diagUnclosedBlock, diagUnclosedBlockLabel, diagUnclosedBlockHelp
    case diagBlockOrganization, diagBlockRole, diagBlockCategory, diagBlockSubcategory, diagBlockFact, diagBlockAutoRule, diagBlockFastTrack
    case diagBlockTest, diagBlockCalendar, diagLevelCategory, diagLevelSubcategory, diagLevelFact, diagUnknownDeclaration, diagExpectedDeclaration
    case diagNotADeclaration, diagFileDeclares, diagBelongsInCategory, diagWhatOrganizationTitle, diagWhatTimeZone, diagWhatRegimeSetting
    case diagWhatDeadlineRule, diagWhatRoleID, diagWhatDays, diagWhatTermUnit, diagHelpTermShape, diagHelpTermDays, diagWhatRoleIDExample
    case diagWhatRoleTitle, diagWhatAction, diagHelpScopeAfterOn, diagWhatScope, diagWhatGrantedAfterAnd, diagWhatRoleAfterGrant, diagHelpGrantTo
    case diagWhatLoginAfterTo, diagClauseTwiceGrant, diagClauseTwiceLabel, diagClauseTwiceGrantHelp, diagWhatCategoryPath, diagWhatDateAfter
    case diagWhatGrantContinuation, diagHelpGrantShape, diagWhatNameAfterDot, diagPathTooDeep, diagPathTooDeepLabel, diagPathTooDeepHelp
    case diagWhatYear, diagWhatDate, diagWhatLegalSource, diagWhatNodeID, diagWhatNodeTitle, diagWhatBraceOrNewLine, diagHelpNodeShape
    case diagWhatRuleID, diagWhatPriority, diagHelpPriority, diagWhatExecutorLogin, diagTargetTwice, diagTargetTwiceLabel, diagTargetTwiceHelp
    case diagHelpLeaveTo, diagTermTwice, diagTermTwiceLabel, diagTermTwiceHelp, diagWhatConditionField, diagUnknownConditionField, diagUnknownFieldLabel
    case diagConditionFieldsHelp, diagWhatNodePath, diagWhatRegimeValue, diagWhatChannelValue, diagWhatSourceValue, diagWhatLocalityValue
    case diagWhatSubstituteLogin, diagHelpSubstituteFor, diagWhatAbsentee, diagClauseTwiceSubstitute, diagClauseTwiceSubstituteHelp
    case diagWhatSubstituteKind, diagWhatSubstituteContinuation, diagHelpSubstituteShape, diagWhatWarningCode, diagHelpAcceptShape
    case diagWhatAcceptSubject, diagHelpAcceptBecause, diagWhatReason, diagHelpReason, diagWhatTestName, diagWhatTestDate, diagTestDateTwice
    case diagTestDateTwiceLabel, diagTestDateTwiceHelp, diagWhatLogin, diagWhatActionPlain, diagHelpExpectRouteTo, diagWhatLoginOrCoordinator
    case diagWhatRuleKind, diagWhatRuleIDPlain, diagWhatExpectation, diagHelpExpectShape, diagHelpCaseShape, diagWhatCaseField, diagWhatSource
    case diagWhatLocality, diagWhatRegime, diagWhatChannel, diagWhatAssignee, diagUnknownCaseField, diagCaseFieldsHelp, diagWhatCaseClose
    // names and values (E01xx, E02xx)
    case diagOrganizationTwice, diagSecondDeclaration, diagOrganizationTwiceHelp, diagFirstDeclaredHere, diagNoOrganization, diagNoOrganizationLabel
    case diagNoOrganizationHelp, diagUnknownTimeZone, diagUnknownTimeZoneLabel, diagUnknownTimeZoneHelp, diagUnknownDeadlineRule, diagUnknownRuleLabel
    case diagSettingTwice, diagSecondSetting, diagKeepOneSetting, diagFirstSetHere, diagUnknownRegime, diagNotARegime, diagRegimeHelp
    case diagTermOutOfRange, diagTermRangeLabel, diagTermRangeHelp, diagRoleTwice, diagRoleTwiceHelp, diagUnknownScope, diagNotAScope
    case diagUnknownAction, diagNotAnAction, diagAdminActionScope, diagAdminActionScopeLabel, diagAdminActionScopeHelp, diagWhichExecutor
    case diagWhichCoordinator, diagDesignatedRoleMissing, diagInThisOrganization, diagDesignatedRoleHelp, diagDesignatedRoleHelpGuess
    case diagUnknownRole, diagNotDeclared, diagGrantEndsBeforeStart, diagBeforeFrom, diagGrantEndsBeforeStartHelp, diagCalendarYearRange
    case diagCalendarYearRangeLabel, diagCalendarYearRangeHelp, diagCalendarYearTwice, diagKeepOneYear, diagCalendarDayTwice, diagSecondEntry
    case diagCalendarDayTwiceHelp, diagFirstListedHere, diagCalendarNoSource, diagEmptySource, diagCalendarNoSourceHelp, diagCategoryTwice
    case diagCategoryTwiceHelp, diagTermRegimeTwice, diagTermTwiceOnNode, diagKeepOneTerm, diagSubcategoryTwice, diagFactTwice, diagChildTwiceHelp
    case diagRegimeAppealOf, diagRegimeMessageOf, diagRegimeAppeal, diagRegimeMessage, diagAcceleratedTerm, diagInheritedFrom, diagOrganizationDefault
    case diagOver10Days, diagAcceleratedTermHelp, diagAcceleratedHelp, diagWrongLevel, diagWrongLevelLabel, diagWrongLevelHelpCategory
    case diagWrongLevelHelpSubcategory, diagWrongLevelHelpFact, diagUnknownCategory, diagUnknownSubcategory, diagUnknownFact, diagInParent
    case diagNotInTree
    // rules, tests, substitutes, acceptances, routing (E02xx, E03xx, E04xx)
    case diagRuleAuto, diagRuleFast, diagAutoRuleTwice, diagFastTrackTwice, diagRuleTwiceHelp, diagPriorityRange, diagPriorityRangeLabel
    case diagPriorityRangeHelp, diagTreeConditionTwice, diagConditionTwice, diagSecondCondition, diagTreeConditionTwiceHelp, diagConditionTwiceHelp
    case diagFirstGivenHere, diagUnknownChannel, diagNotAChannel, diagChannelHelp, diagFastTrackToCoordinator, diagFastTrackToCoordinatorLabel
    case diagFastTrackToCoordinatorHelp, diagNoTarget, diagAssignsNobody, diagNoTargetHelpFastTrack, diagNoTargetHelpAutoRule, diagFastTrackMatchesAll
    case diagFastTrackMatchesAllLabel, diagFastTrackMatchesAllHelp, diagFastTrackNoTerm, diagNoTermLabel, diagFastTrackNoTermHelp, diagTestTwice
    case diagTestTwiceHelp, diagViaNotRuleKind, diagViaNotRuleKindLabel, diagViaNotRuleKindHelp, diagNoAutorule, diagNoFasttrack, diagCaseFieldTwice
    case diagSecondValue, diagCaseFieldTwiceHelp, diagCaseOnCategory, diagCaseOnCategoryLabel, diagCaseOnCategoryHelp, diagOneOf, diagCaseNoCategory
    case diagNoSubcategoryLabel, diagCaseNoCategoryHelp, diagSubstituteKind, diagUnknownKindLabel, diagSubstituteKindHelp, diagSubstituteSelf
    case diagSubstituteSelfLabel, diagSubstituteSelfHelp, diagAnyone, diagSubstituteTwice, diagDeclaredAgain, diagKeepOneDeclaration
    case diagNotAcceptable, diagNotAcceptableLabel, diagAcceptErrorHelp, diagAcceptUnusedHelp, diagAcceptNoReason, diagEmptyReason
    case diagAcceptNoReasonHelp, diagTargetNotExecutor, diagAssignsNonExecutor, diagTargetNotExecutorHelp, diagFastTrackAccelerated
    case diagFastTrackTermLonger, diagLongerThanCategory, diagFastTrackTermLongerHelp, diagInternalError, diagInternalErrorHelp
    // lint findings (W05xx)
    case lintShadowed, lintShadowedLabel, lintShadowedHelp, lintTakenBy, lintOverlap, lintOverlapLabel, lintOverlapHelp, lintToCoordinator
    case lintDeclaredHere, lintExampleNode, lintExampleRegime, lintExampleChannel, lintExampleSource, lintExampleOtherSource, lintExampleLocality
    case lintExampleOtherLocality, lintCoverageGap, lintTitleLabel, lintCoverageGapHelp, lintExpiredGrant, lintExpiredLabel, lintExpiredHelp
    case lintEmptyRole, lintNoAllowLines, lintEmptyRoleHelp, lintRoleNeverGranted, lintNoGrantLabel, lintRoleNeverGrantedHelp, lintSeparation
    case lintApproveHere, lintSeparationHelp, lintMayDraftThrough, lintKindExecutorGrant, lintKindApproverGrant, lintSubstituteNobody
    case lintThere, lintOnNodes, lintSubstitutePool, lintGivesNothing, lintSubstituteNobodyHelp, lintSubstituteUnknownHelp, lintSubstitutePoolHelp
    case lintScopeKindExecutor, lintScopeKindApprover, lintScopeUncovered, lintCoversPart, lintScopeUncoveredHelp, lintUnusedAcceptance
    case lintAcceptsNothing, lintUnusedAcceptanceHelp, lintAccountGrant, lintAccountEligibility, lintAccountNone, lintAccountRemoved
    case lintAccountDisabled, lintLabelNoAccount, lintLabelRemoved, lintLabelDisabled, lintAccountGrantHelp, lintAccountCreateHelp
    case lintAccountEligibilityHelp
    // (end of section D)
    // Section E: PostgreSQL, several servers, many organizations (issue 18).
    case pgErrAddressShape, pgErrUnknownParameter, pgErrOrganization, errDatabaseUnavailable
    case migrateSourceBroken, migrateCopyDiffers, migrateFromNotSQLite, migrateToNotPostgres
    case optMigrateAbstract, optMigrateDiscussion, optMigrateFrom, optMigrateTo, optMigrateOrganization
    case cliMigrateDone, cliMigrateTable, cliMigrateChain, cliMigrateKey
    case regionNeedsPostgres, regionUnknownOrganization, regionNotTheRegion, regionAlreadyRegistered, regionNotRelated, regionCaseExists, regionUnknownCategory
    case optRegionAbstract, optRegionAddAbstract, optRegionListAbstract, optRegionTitle, optRegionSuperior, argRegionID, optCaseOrganization
    case cliRegionAdded, cliRegionEmpty, cliRegionCounts, errRedirectOrganizationOnly, errCommitOutcomeUnknown, auditEvCaseReceive, auditEvRegionAdd
    // (end of section E)
}

extension MessageKey {
    var templates: (ru: String, en: String) {
        switch self {
        case .verbatim: ("{text}", "{text}")
        case .caseNotFound: ("Сообщение или обращение не найдено.", "No such case (or you may not see it).")
        case .notFound: ("Не найдено.", "Not found.")
        case .unauthenticated: ("Требуется вход в систему.", "You are not logged in.")
        case .policyRejected: ("Политика не применена: {reason}.", "The policy was not applied: {reason}.")
        case .wrongPassword: ("Неверное имя пользователя или пароль.", "Wrong login or password.")
        case .currentPasswordWrong: ("Текущий пароль указан неверно; пароль не изменён.", "The current password is wrong; the password was not changed.")
        case .accountLocked:
            ("Учётная запись заблокирована после нескольких неудачных попыток входа до {until}. Попробуйте позже или обратитесь к администратору.",
             "The account is locked after several failed logins until {until}. Try again later or ask the administrator.")
        case .accountDisabled: ("Учётная запись отключена; обратитесь к администратору ЛКО.", "The account is disabled; ask the ЛКО administrator.")
        case .accountRemoved:
            ("Учётная запись «{login}» удалена: она хранится только для истории, войти в неё, включить или изменить её нельзя, а логин не выдаётся повторно.",
             "The account `{login}` was removed: it is kept for the history only; it cannot log in, be enabled or changed, and the login is never reused.")
        case .sessionInvalid: ("Сеанс завершён или недействителен; войдите снова.", "The session has ended or is not valid; log in again.")
        case .forbidden: ("Недостаточно прав для этого действия.", "You may not do this.")
        case .unknownLogin: ("Нет учётной записи «{login}».", "There is no account `{login}`.")
        case .loginTaken: ("Учётная запись «{login}» уже существует.", "The account `{login}` already exists.")
        case .invalidLogin: ("Логин: 1–64 латинские буквы, цифры, «_» или «-», начиная с буквы.", "A login is 1–64 Latin letters, digits, `_` or `-`, starting with a letter.")
        case .invalidField: ("Поле «{field}»: {reason}.", "Field `{field}`: {reason}.")
        case .weakPassword: ("Пароль не принят: {reasons}.", "The password is not accepted: {reasons}.")
        case .blocked: ("Учётную запись «{login}» нельзя отключить или удалить, пока:", "The account `{login}` cannot be disabled or removed while:")
        case .lastAdministrator:
            ("Это единственная учётная запись, которая может менять политику; сначала дайте право manage_policy другой.",
             "This is the only account that may change the policy; give manage_policy to another one first.")
        case .policyLockout:
            ("Политика не применена: после неё ни одна активная учётная запись не сможет менять политику (manage_policy).",
             "The policy was not applied: after it no active account could change the policy (manage_policy).")
        case .unknownVersion: ("Нет версии политики «{version}».", "There is no policy version `{version}`.")
        case .nothingToRollBack: ("Нет более ранней версии политики, к которой можно вернуться.", "There is no earlier policy version to return to.")
        case .busy: ("База данных занята другим процессом; повторите запрос.", "The database is busy with another process; try again.")
        case .noActivePolicy:
            ("В базе нет действующей политики; администратор ЛКО применяет её командой `lko apply`.",
             "The database has no active policy; the ЛКО administrator applies one with `lko apply`.")
        case .stateForbids: ("Действие «{action}» невозможно: сообщение в статусе «{state}».", "`{action}` is not possible: the case is in state `{state}`.")
        case .separationOfDuties:
            ("Разделение обязанностей (п. 12 распоряжения): тот, кто подготовил или направил ответ на утверждение, не может сам его утвердить или вернуть — это делает другой Руководитель или Куратор.",
             "Separation of duties (order item 12): whoever drafted or submitted an answer cannot approve or return it — another Руководитель or Куратор does.")
        case .absenceNotFound: ("Такого отсутствия нет.", "There is no such absence.")
        case .notExecutor:
            ("«{login}» не является исполнителем по «{node}» на {day}; назначать можно только исполнителей (п. 9 распоряжения).",
             "`{login}` is not an executor for `{node}` on {day}; only executors can be assigned (order item 9).")
        case .workflowAlreadyAssigned: ("Сообщение уже назначено этому исполнителю.", "The case is already assigned to this executor.")
        case .workflowTermRanOut:
            ("Срок рассмотрения уже истёк; продлить срок можно только до его окончания (ч. 2 ст. 12 59-ФЗ). Нарушение срока остаётся в отчёте.",
             "The term has already run out; a term can be extended only before it ends (59-ФЗ art. 12 p. 2). The violation stays in the report.")
        case .workflowLateRedirect:
            ("Обращение перенаправляется позже 7 дней со дня регистрации (ч. 3 ст. 8 59-ФЗ): укажите причину в комментарии.",
             "The appeal is redirected later than 7 days after registration (59-ФЗ art. 8 p. 3): give the reason in a comment.")
        case .workflowAlreadyExtended: ("Срок уже продлевался; продлить можно только один раз.", "The term was already extended; it can be extended only once.")
        case .workflowExtendAppealsOnly: ("Продлить срок можно только обращению по 59-ФЗ, не сообщению.", "Only an appeal under 59-ФЗ can be extended, not a message.")
        case .workflowNoDraft: ("Нет черновика ответа: сначала сохраните ответ.", "There is no draft answer: save the answer first.")
        case .workflowNoAccount: ("У указанного сотрудника нет учётной записи.", "That person has no account.")
        case .workflowTargetDisabled: ("Учётная запись указанного сотрудника отключена.", "That person's account is disabled.")
        case .passwordTooShort:
            ("слишком короткий, нужно не меньше {minimum} символов (несколько не связанных слов — длинный и запоминающийся пароль)",
             "too short, at least {minimum} characters are needed (a few unrelated words make a long and memorable password)")
        case .passwordTooLong: ("слишком длинный", "too long")
        case .passwordContainsLogin: ("пароль не должен содержать логин", "the password must not contain the login")
        case .passwordSameAsCurrent: ("новый пароль совпадает с текущим", "the new password is the same as the current one")
        case .fieldFullName: ("ФИО", "full name")
        case .fieldPosition: ("должность", "position")
        case .fieldDepartment: ("подразделение", "department")
        case .fieldEmail: ("электронная почта", "e-mail")

        case .prefixError: ("ошибка: ", "error: ")
        case .prefixWarning: ("предупреждение: ", "warning: ")
        case .prefixNote: ("примечание: ", "note: ")
        case .deprecatedFlag: ("{old} устарел и будет удалён; пишите {new}", "{old} is deprecated; use {new}")
        case .formatConflict: ("--json и --format вместе: оставьте одно (--format json)", "--json and --format together: keep one (--format json)")
        case .formatUnsupported: ("формат {format} не подходит для этой команды; возможны: {supported}", "format {format} is not available for this command; choose from: {supported}")
        case .loginHint: ("(войдите: `lko login --login ЛОГИН`, с теми же --db или --server)", "(log in with `lko login --login LOGIN`, with the same --db or --server)")
        case .usageSeeHelp: ("Справка: 'lko --help' или 'lko help <команда>'.", "See 'lko --help' or 'lko help <command>'.")
        case .didYouMean: ("возможно, вы имели в виду `{suggestion}`?", "did you mean `{suggestion}`?")
        case .unknownHelpTopic: ("нет такой команды для справки: `{topic}`", "no help topic `{topic}`")
        case .unknownCommand: ("неизвестная команда `{command}`", "unknown command `{command}`")
        case .examplesHeading: ("ПРИМЕРЫ:", "EXAMPLES:")
        case .promptPassword: ("Пароль для {login}: ", "Password for {login}: ")
        case .promptRepeatPassword: ("Повторите пароль: ", "Repeat the password: ")
        case .promptCurrentPassword: ("Текущий пароль для {login}: ", "Current password for {login}: ")
        case .promptNewPassword: ("Новый пароль для {login}: ", "New password for {login}: ")
        case .passwordStdinEmpty:
            ("--password-stdin: стандартный ввод пуст; передайте пароль, например `printf '%s\\n' \"$PASSWORD\" | lko …`",
             "--password-stdin: standard input is empty; pipe the password in, e.g. `printf '%s\\n' \"$PASSWORD\" | lko …`")
        case .passwordNoTerminal: ("нет терминала, чтобы спросить пароль; используйте --password-stdin", "no terminal to ask for the password; use --password-stdin")
        case .passwordsDiffer: ("пароли не совпадают; ничего не изменено", "the two passwords differ; nothing was changed")
        case .passwordNotEntered: ("пароль не введён", "no password was entered")
        case .cannotRead: ("не удаётся прочитать {path}", "cannot read {path}")
        case .cannotWrite: ("не удаётся записать {path}: {reason}", "cannot write {path}: {reason}")
        case .noDatabase: ("нет базы данных {path}", "no database at {path}")
        case .checkSummary: ("{path}: {files}, {errors}, {warnings}", "{path}: {files}, {errors}, {warnings}")
        case .checkVersion: ("; версия {version}…", "; version {version}…")
        case .checkAcceptedCount: (", принято с обоснованием: {count}", ", {count} accepted")
        case .checkAcceptedHeading: ("принятые замечания ({count}), каждое с обоснованием в политике:", "accepted findings ({count}), each reviewed with a reason in the policy:")
        case .checkAcceptedAt: ("принято в {position}: {reason}", "accepted at {position}: {reason}")
        case .policyHasErrors: ("в политике {path} {errors}; подробности: `lko check --policy {path}`", "the policy in {path} has {errors}; run `lko check --policy {path}` for details")
        case .testPass: ("ПРОЙДЕНО", "PASS")
        case .testFail: ("ОШИБКА", "FAIL")
        case .testGot: ("получено: {detail}", "got: {detail}")
        case .testSummary: ("пройдено {passed}, не пройдено {failed} ({expectations} в {tests})", "{passed} passed, {failed} failed ({expectations} in {tests})")
        case .fmtSyntaxErrors: ("в {path} синтаксические ошибки; файл не отформатирован", "{path} has syntax errors; not formatted")
        case .fmtWouldReformat: ("нужно отформатировать {path}", "would reformat {path}")
        case .fmtFormatted: ("отформатирован {path}", "formatted {path}")
        case .fmtNotFormatted: ("не отформатировано файлов: {count}; выполните `lko fmt --policy {path}`", "{count} file(s) not formatted; run `lko fmt --policy {path}`")
        case .explainUnknownNode: ("нет узла классификатора `{node}`; укажите путь вида `roads.potholes`", "unknown category node `{node}`; give a path such as `roads.potholes`")
        case .explainLoginUnknown: ("`{login}` не упоминается ни в одном назначении политики", "`{login}` appears in no grant of this policy")
        case .diffSideHasErrors: ("в {side} ошибок: {errors}; для сравнения нужны две корректные политики", "{side} has {errors} error(s); a diff needs two valid policies")
        case .tableEmpty: ("(нет строк)", "(none)")
        case .columnExecutor: ("Исполнитель", "Executor")
        case .columnNumber: ("Номер", "Number")
        case .columnState: ("Статус", "State")
        case .columnSubcategory: ("Подкатегория", "Subcategory")
        case .columnDeadline: ("Срок", "Deadline")
        case .columnWorkingDaysLeft: ("Раб. дн.", "Days left")
        case .columnFlag: ("Отметка", "Flag")
        case .columnDay: ("День", "Day")
        case .columnViolation: ("Нарушение", "Violation")
        case .columnCalendarDays: ("Кал. дней", "Calendar days")
        case .columnWorkingDays: ("Раб. дней", "Working days")
        case .columnResponsible: ("Ответственные (дней)", "Responsible (days)")
        case .columnActingFor: ("Замещает", "Acting for")
        case .columnRegime: ("Вид", "Regime")
        case .columnWhen: ("Когда", "When")
        case .columnWho: ("Кто", "Who")
        case .columnEvent: ("Событие", "Event")
        case .columnComment: ("Комментарий", "Comment")
        case .columnTo: ("Кому", "To")
        case .columnFrom: ("С", "From")
        case .columnUntil: ("По", "Until")
        case .columnReason: ("Причина", "Reason")
        case .columnSubstitute: ("Замещающий", "Substitute")
        case .columnStatus: ("Состояние", "status")
        case .columnLogin: ("Логин", "login")
        case .columnFullName: ("ФИО", "full name")
        case .columnPosition: ("Должность", "position")
        case .columnKind: ("Вид", "Kind")
        case .columnVersion: ("Версия", "Version")
        case .columnObject: ("Объект", "Object")
        case .columnDetails: ("Подробности", "Details")
        case .flagOverdue: ("ПРОСРОЧЕНО", "OVERDUE")
        case .flagAtRisk: ("ПОД УГРОЗОЙ", "AT RISK")
        case .flagDueToday: ("срок сегодня", "due today")
        case .flagDueDuringAbsence: ("срок в период отсутствия", "DUE DURING ABSENCE")
        case .controlSummary: ("открытых: {open}, просрочено: {overdue}, под угрозой: {at_risk}", "{open} open case(s), {overdue} overdue, {at_risk} at risk")
        case .titleDailyControl: ("Ежедневный контроль на {date}", "Daily control on {date}")
        case .titleOverdue: ("Просроченные сообщения и обращения на {date}", "Overdue cases on {date}")
        case .titleViolations: ("Нарушения сроков за {period}", "Violations of terms, {period}")
        case .periodDefault: ("последние 30 дней", "the last 30 days")
        case .violationsSummary: ("нарушений: {count}", "violations: {count}")
        case .titleResponsibility: ("Кто отвечал за {number} по дням", "Who was responsible for {number}, day by day")
        case .titleCaseList: ("Сообщения и обращения", "Cases")
        case .titleCaseHistory: ("История {number}", "History of {number}")
        case .titleAbsences: ("Отсутствия", "Absences")
        case .titleUsers: ("Учётные записи", "Accounts")
        case .titleHistory: ("Версии политики", "Policy versions")
        case .titleAudit: ("Журнал аудита", "Audit log")
        case .regimeAppeal: ("обращение (59-ФЗ)", "appeal (обращение, 59-ФЗ)")
        case .regimeMessage: ("сообщение", "message (сообщение)")
        case .coordinatorQueue: ("Координатор", "coordinator")
        case .fastTrack: ("фаст-трек", "fast-track")
        case .sourceNamed: ("источник {source}", "source {source}")
        case .receivedLine: ("{received}; поступило на модерацию {moderation}", "{received}; moderation entry {moderation}")
        case .extensionDays: ("продление на {days} дн.", "{days} days extension")
        case .actingForName: ("за {name}", "for {name}")
        case .caseHeading: ("Сообщение {number}", "case {number}")
        case .fieldState: ("статус", "state")
        case .fieldCategory: ("категория", "category")
        case .fieldRegime: ("вид", "regime")
        case .fieldChannel: ("канал", "channel")
        case .fieldLocality: ("место", "locality")
        case .fieldReceived: ("поступило", "received")
        case .fieldTerm: ("срок рассмотрения", "term")
        case .fieldDeadline: ("крайний срок", "deadline")
        case .fieldAssignee: ("исполнитель", "assignee")
        case .fieldRoutedBy: ("направлено", "routed by")
        case .fieldApplicant: ("заявитель", "applicant")
        case .fieldDescription: ("описание", "description")
        case .fieldAnswer: ("ответ", "answer")
        case .afterAction: ("{number}: {state}", "case {number}: {state}")
        case .assigneeNamed: ("исполнитель {name}", "assignee {name}")
        case .deadlineOn: ("срок {date}", "deadline {date}")
        case .importSummary: ("загружено новых: {inserted}, прошли модерацию: {moderated}, без изменений: {unchanged}, ошибочных строк: {bad}", "imported {inserted} new, {moderated} moderated, {unchanged} unchanged, {bad} bad line(s)")
        case .importRoutedBy: ("; маршрутизация по политике {version}", "; routed by policy {version}")
        case .importReplaced: (" (во время загрузки применена политика {version})", " (replaced during the run by {version})")
        case .notCovered: ("НЕ ПОКРЫТО", "NOT COVERED")
        case .openEnded: ("без даты окончания", "open-ended")
        case .absenceOf: ("отсутствие {login} {from} – {until}, замещает {substitute}", "absence of {login} {from} – {until}, substitute {substitute}")
        case .movesNone: ("сообщения, которые перейдут: нет", "cases that will move: none")
        case .movesHeading: ("сообщения, которые перейдут ({count}):", "cases that will move ({count}):")
        case .routeLine: ("маршрут: {kind} {rule} [{nodes}] {from} – {until} → {to}", "route: {kind} {rule} [{nodes}] {from} – {until} → {to}")
        case .substituteLoad: ("открытых сообщений у замещающего: сейчас {now}, после передачи {after}", "substitute's open cases: {now} now, {after} after")
        case .absenceRecordedHandedOver: ("записано отсутствие № {id}; сообщения переданы", "recorded absence #{id}; cases handed over")
        case .absenceRecordedLater: ("записано отсутствие № {id}; сообщения перейдут {date}", "recorded absence #{id}; cases move on {date}")
        case .absenceEnds: ("отсутствие № {id} ({name}) заканчивается {date}", "absence #{id} of {name} ends on {date}")
        case .absenceProcessed: ("; обработано", "; processed")
        case .absenceCancelled: ("отсутствие № {id} отменено", "absence #{id} cancelled")
        case .absenceChanged: ("изменено отсутствие № {id}: {from} – {until}, замещает {substitute}, {status}", "changed absence #{id}: {from} – {until}, substitute {substitute}, {status}")
        case .caseNamed: ("сообщение {number}", "case {number}")
        case .absenceNamed: ("отсутствие № {id} ({login})", "absence #{id} ({login})")
        case .findingsSummary: ("{errors}, {warnings}", "{errors}, {warnings}")
        case .delegationDone: ("замещение: {line}", "delegation: {line}")
        case .delegationPending: ("не удалось обработать наступившие отсутствия: {error}", "pending absences could not be processed: {error}")
        case .loggedIn: ("вход выполнен: {login}", "logged in as {login}")
        case .atServer: (" на {server}", " at {server}")
        case .loggedOut: ("сеанс завершён", "logged out")
        case .userAdded: ("добавлена учётная запись {login}", "added {login}")
        case .userDisabled: ("учётная запись {login} отключена", "disabled {login}")
        case .userEnabled: ("учётная запись {login} включена", "enabled {login}")
        case .userEnabledStillLocked: ("учётная запись {login} включена, но заблокирована до {until}; снять блокировку: `lko user unlock {login}`", "enabled {login}, but it is still locked until {until}; `lko user unlock {login}` lifts the lock")
        case .userEnabledUnlocked: ("учётная запись {login} включена и разблокирована", "enabled and unlocked {login}")
        case .userUnlocked: ("учётная запись {login} разблокирована", "unlocked {login}")
        case .userRemoved: ("учётная запись {login} удалена (хранится для истории: имя остаётся в записях, логин не выдаётся повторно)", "removed {login} (kept as a tombstone: the name stays in the history, the login is never reused)")
        case .handedOver: ("сообщение {number} передано {login}", "handed over case {number} to {login}")
        case .tokenSessionEnded: ("сеанс из LKO_TOKEN завершён сменой пароля; войдите снова", "the session in LKO_TOKEN has ended with the change; log in again")
        case .passwordChangedOwn: ("пароль {login} изменён; другие ваши сеансы завершены", "password changed for {login}; your other sessions have ended")
        case .passwordChangedOther: ("пароль {login} изменён; его сеансы завершены", "password changed for {login}; its sessions have ended")
        case .lockedUntil: ("заблокирована до {until}", "locked until {until}")
        case .sandbox: ("песочница", "sandbox")
        case .noPolicyYet: ("политика ещё не применялась", "no policy applied yet")
        case .applyRisksNeedYes: ("в отчёте об изменении есть риски (выше); подтвердите --yes, чтобы применить из скрипта", "the change report has risks (above); confirm with --yes to apply it from a script")
        case .applyConfirmPrompt: ("В отчёте об изменении есть риски. Применить? Введите yes (или да): ", "The change report has risks. Apply it? Type yes to confirm: ")
        case .applyNotConfirmed: ("не применено: риски не подтверждены", "not applied: the risks were not confirmed")
        case .applyFromCommit: ("из коммита git {commit}", "from git commit {commit}")
        case .applyFromDirtyCommit: ("из коммита git {commit} (рабочая копия с изменениями)", "from git commit {commit} (working tree not clean)")
        case .policyActivated: ("действует {version}", "activated {version}")
        case .policyUnchanged: ("без изменений: {version} уже действует", "no change: {version} is already active")
        case .policyRolledBack: ("действует {version} (откат)", "activated {version} (rollback)")
        case .serverRefusedHint: (", или укажите --db ПУТЬ", ", or give --db PATH")
        case .manualWritten: ("записано: {path}", "written: {path}")
        case .manualEnvLanguage: ("Язык: ru (по умолчанию) или en. Если не задан, берётся из LC_ALL, LC_MESSAGES или LANG: en… — английский, иначе русский.", "The language: ru (the default) or en. When unset: LC_ALL, LC_MESSAGES or LANG; en… means English, anything else Russian.")
        case .manualEnvNoColor: ("Непустое значение отключает цвет (если не указано --color always).", "When set and non-empty, no colour (unless --color always).")
        case .manualEnvDatabase: ("База данных, сервер и токен сеанса по умолчанию.", "The default database, server and session token.")
        case .manualExitStatus: ("0 — успех; 1 — ошибки политики, непройденные тесты, ошибочные строки, отказ; 2 — неверный вызов; 3 — `lko explain`: запрещено.", "0 success; 1 policy errors, failed tests, bad input lines, a refusal; 2 wrong usage; 3 `lko explain`: denied.")
        case .helpRootAbstract: ("Политика доступа как код для личного кабинета органа (ЛКО) на Платформе обратной связи (ПОС).", "Policy-as-code for the organization's account (ЛКО) on the Feedback Platform (ПОС).")
        case .helpCheckAbstract: ("Найти все ошибки и предупреждения политики.", "Find every error and warning in a policy.")
        case .helpTestAbstract: ("Выполнить тесты политики (блоки `test`).", "Run the policy's own tests (`test` blocks).")
        case .helpFmtAbstract: ("Привести файлы политики к каноническому виду.", "Rewrite policy files in the canonical layout.")
        case .helpExplainAbstract: ("Может ли сотрудник выполнить действие с сообщением, и почему.", "Explain whether a login may do an action on a case, and why.")
        case .helpDeadlineAbstract: ("Последний день срока по производственному календарю.", "Compute the last day of a term on the production calendar.")
        case .helpDiffAbstract: ("Что меняет изменение политики: точный отчёт о последствиях.", "What a policy change does: an exact change-impact report.")
        case .helpCaseAbstract: ("Сообщения и обращения: загрузка из ПОС, список, карточка и действия.", "Cases: import from ПОС, list, show, and act on them.")
        case .helpCaseImportAbstract: ("Загрузить сообщения из выгрузки ПОС (JSON Lines; docs/import.md).", "Import cases from a ПОС export (JSON Lines; see docs/import.md).")
        case .helpCaseListAbstract: ("Сообщения и обращения, которые вам доступны.", "List the cases you may view.")
        case .helpCaseShowAbstract: ("Карточка сообщения (нужно право просмотра).", "Show one case (needs view on it).")
        case .helpCaseHistoryAbstract: ("Вся история сообщения: кто, когда, за кого, из какого статуса в какой.", "The full history of a case: who, when, acting for whom, from → to.")
        case .helpCaseAssignAbstract: ("Назначить исполнителя поступившему сообщению (Координатор).", "Assign a received case to an executor (coordinator).")
        case .helpCaseReassignAbstract: ("Передать сообщение другому исполнителю.", "Give a case to another executor.")
        case .helpCaseDraftAbstract: ("Подготовить (или переписать) ответ.", "Write (or rewrite) the answer.")
        case .helpCaseSubmitAbstract: ("Направить ответ на утверждение.", "Send the answer for approval.")
        case .helpCaseApproveAbstract: ("Утвердить ответ: он сразу уходит заявителю (п. 12 распоряжения).", "Approve the answer: it goes to the applicant at once (order item 12).")
        case .helpCaseReturnAbstract: ("Вернуть ответ на доработку.", "Return the answer for revision.")
        case .helpCaseRedirectAbstract: ("Перенаправить сообщение вне компетенции органа.", "Redirect a case outside the organization's competence.")
        case .helpCaseExtendAbstract: ("Продлить срок обращения один раз, до 30 дней, с обоснованием.", "Extend an appeal's term once, by up to 30 days, with a reason.")
        case .helpCaseReopenAbstract: ("Повторное рассмотрение отвеченного сообщения (возвращается Координатору).", "Re-examine an answered case (back to the coordinator).")
        case .helpCaseReclassifyAbstract: ("Перенести сообщение в подкатегорию по его содержанию и направить как обычно (Координатор; п. 7).", "Move a case to the subcategory its content belongs to, then route it as usual (coordinator; order item 7).")
        case .helpCaseReclassifyDiscussion: ("Срок считается от модерации и никогда не удлиняется (docs/workflow.md).", "The term keeps counting from moderation and is never lengthened (docs/workflow.md).")
        case .helpReportAbstract: ("Контрольные отчёты (нужно право report).", "Control reports (needs report).")
        case .helpReportDailyAbstract: ("Все открытые сообщения: статус, исполнитель, остаток срока; просроченные и под угрозой (≤ 2 раб. дней), по исполнителям (п. 13).", "Every open case with state, assignee, days left; overdue and at risk (≤ 2 working days), by executor (order item 13).")
        case .helpReportOverdueAbstract: ("Открытые сообщения с истёкшим сроком.", "Open cases past their deadline.")
        case .helpReportResponsibilityAbstract: ("Кто отвечал за сообщение в каждый день (п. 15).", "Who was responsible for a case on each day (order item 15).")
        case .helpReportViolationsAbstract: ("Ответы с нарушением срока, поздние перенаправления и продления, просроченное сейчас — и чей этап задержал (п. 15).", "Late answers, late redirects and extensions, and cases overdue now — with whose stage held each past its term (order item 15).")
        case .helpAbsenceAbstract: ("Отсутствия и замещение (п. 9, 16): план до отпуска, передача всех сообщений.", "Absences and substitutes (order items 9, 16): plan before leave, hand over every case.")
        case .helpAbsencePlanAbstract: ("Пробный прогон: что сделает `add` и что не так. Код 1 при ошибках.", "Dry run: what `add` would do, and what is wrong. Exit 1 on errors.")
        case .helpAbsenceAddAbstract: ("Записать отсутствие после тех же проверок, что `plan`; если уже началось — передать сразу.", "Record an absence after the same checks as `plan`; hands over at once if it has started.")
        case .helpAbsenceChangeAbstract: ("Изменить записанное отсутствие (даты, замещающий, причина) после тех же проверок, что `plan`.", "Change a recorded absence (dates, substitute, reason, flags) after the same checks as `plan`. Exit 1 if refused.")
        case .helpAbsenceListAbstract: ("Список отсутствий.", "List absences.")
        case .helpAbsenceEndAbstract: ("Закончить отсутствие досрочно (или открытый больничный).", "End an absence early (or an open-ended sick leave).")
        case .helpAbsenceCancelAbstract: ("Отменить ещё не начавшееся отсутствие (сохраняется как отменённое).", "Cancel an absence that has not started (kept as cancelled).")
        case .helpDelegationAbstract: ("Проверка замещений (нужно право manage_delegations).", "Check substitutions (needs manage_delegations).")
        case .helpDelegationCheckAbstract: ("Отсутствия без действующего замещающего, цепочки, отсутствующие замещающие, истекающие назначения, перегрузка. Код 1 при ошибках.", "Absences soon or now without a valid substitute, chains, absent substitutes, expiring grants, overload. Exit 1 on errors.")
        case .helpTickAbstract: ("Выполнить наступившие начала и окончания отсутствий (для таймера; любая команда делает это тоже).", "Carry out due absence starts and ends (for a timer; any command does it too).")
        case .helpLoginAbstract: ("Войти; сеанс действует 8 часов без активности, не более 12 часов.", "Log in; the session lasts 8 hours idle, 12 hours at most.")
        case .helpLogoutAbstract: ("Завершить текущий сеанс.", "End the current session.")
        case .helpWhoamiAbstract: ("Под чьей учётной записью выполнен вход.", "Show the logged-in account.")
        case .helpUserPasswdAbstract: ("Сменить свой пароль (спросит текущий) или задать чужой (право manage_users).", "Change your own password (asks for the current one), or set anyone's with manage_users.")
        case .helpCompletionAbstract: ("Скрипт автодополнения для bash, zsh или fish.", "The completion script for bash, zsh or fish.")
        case .helpCompletionDiscussion: ("Сохраните вывод туда, где оболочка ищет скрипты дополнения (примеры ниже).", "Save the output where your shell looks for completion scripts (examples below).")
        case .helpManualAbstract: ("Страница руководства lko(1) в формате troff, из справки команд.", "The lko(1) manual page in troff, generated from the commands' help.")
        case .helpManualDiscussion: ("Без --out страница печатается в стандартный вывод: `lko manual | man -l -`.", "Without --out the page goes to standard output: `lko manual | man -l -`.")
        case .helpRootDiscussion: ("Политика — папка файлов .lko (по умолчанию Policies/): организация, роли, классификатор, назначения, автоправила, фаст-треки и тесты. Язык вывода: русский; LKO_LANG=en — английский. Машинный вывод: --format json (у всех команд, выводящих данные); --color auto|always|never в любом месте командной строки.\n\nКоды завершения: 0 успех, 1 ошибки политики / непройденный тест / ошибочные строки / отказ, 2 неверный вызов, 3 `explain`: запрещено.", "A policy is a folder of .lko files (default: Policies/) declaring the organization, roles, the category tree, grants, auto-rules, fast-tracks and tests. Output is in Russian unless LKO_LANG=en. Machine output: --format json (on every command that prints data); --color auto|always|never anywhere on the command line.\n\nExit codes: 0 success, 1 the policy has errors / a test failed / bad input lines / refused, 2 wrong usage, 3 `explain` denied.")
        case .helpCheckDiscussion: ("Читает все файлы .lko папки как одну политику и сообщает все проблемы за один запуск: файл:строка:столбец, строка исходника, стабильный код (docs/diagnostics.md) и как исправить. Предупреждения линтера (затенённые и пересекающиеся правила, пробелы покрытия, истёкшие назначения, неиспользуемые роли, разделение обязанностей) вычисляются точно; --strict делает их ошибками. `-` вместо папки читает один файл со стандартного ввода.\n\nКоды: 0 чисто (предупреждения допустимы без --strict), 1 ошибки, 2 неверный вызов.", "Reads every .lko file of the folder as one policy and reports all problems in one run, each with file:line:col, the source line, a stable code (see docs/diagnostics.md) and how to fix it. Lint warnings (shadowed or overlapping rules, coverage gaps, expired grants, unused roles, separation of duties) are computed exactly; --strict makes them errors. `-` instead of the folder reads one file from standard input.\n\nExit status: 0 clean (warnings allowed unless --strict), 1 errors, 2 wrong usage.")
        case .helpTestDiscussion: ("Каждое `expect allow/deny` решается, а каждое `expect route` маршрутизируется так же, как в работе, поэтому пройденный тест описывает реальное поведение. Проверки без даты `at` используют --at или сегодня.\n\nКоды: 0 всё пройдено, 1 тест не пройден или в политике ошибки, 2 неверный вызов.", "Every `expect allow/deny` is decided and every `expect route` is routed exactly as the workflow would, so a passing test describes production behaviour. Expectations without an `at` date (in the test or the case) use --at, or today.\n\nExit status: 0 all passed, 1 a test failed or the policy has errors, 2 wrong usage.")
        case .helpFmtDiscussion: ("Отступ два пробела, одно утверждение на строку, комментарии сохраняются. Форматирование не меняет смысла и идемпотентно. Файлы с синтаксическими ошибками не трогаются. --diff показывает изменения, ничего не записывая; `-` читает файл со стандартного ввода и печатает результат.\n\nКоды: 0 готово (с --check или --diff: менять нечего), 1 файл изменился бы или содержит синтаксические ошибки, 2 неверный вызов.", "Two-space indentation, one statement per line, comments kept. Formatting never changes meaning (the files parse to the same tree) and is idempotent. Files with syntax errors are left untouched. --diff shows the changes without writing; `-` reads a file from standard input and prints the result.\n\nExit status: 0 done (or, with --check or --diff, nothing to change), 1 a file would change or has syntax errors, 2 wrong usage.")
        case .helpExplainDiscussion: ("Печатает ALLOW с назначением (файл:строка), правилом роли и областью, или DENY с ближайшим назначением и точной причиной: нет назначения на подкатегорию, назначение истекло, роль не допускает действия, сообщение назначено не вам.\n\nКоды: 0 разрешено, 3 запрещено, 1 ошибки политики или неизвестное имя, 2 неверный вызов.", "Prints ALLOW with the grant (file:line), the role rule and the scope that matched, or DENY with the closest grant and the exact missing piece: no grant on this subcategory, grant expired, role lacks the action, or case not assigned to you.\n\nExit status: 0 allowed, 3 denied, 1 the policy has errors or a name is unknown, 2 wrong usage.")
        case .helpDeadlineDiscussion: ("П. 10 распоряжения: день поступления на модерацию — день 0; срок — последний рабочий день в (поступление, поступление + N]; если в этом интервале нет рабочих дней, — первый рабочий день после поступление + N. Первая строка вывода — дата ISO, для скриптов; --format json — документ.\n\nКоды: 0 вычислено, 1 дата вне лет календаря, 2 неверный вызов.", "Order item 10: the entry date into moderation is day 0; the deadline is the last working day in (entry, entry + N]; if that interval holds no working day (a short term swallowed by the New Year holidays), it is the first working day after entry + N. The first line of output is the ISO date alone, for scripts; --format json prints a document.\n\nExit status: 0 computed, 1 a date outside the calendar's years, 2 wrong usage.")
        case .helpDiffDiscussion: ("Каждая сторона — папка политики, файл или ревизия git текущего репозитория (её Policies/ или --policy). Сравниваются скомпилированные таблицы: доступ получен и потерян (с назначением-причиной), изменения ролей, классификатора и сроков, маршрутизации, замечаний линтера, риски. Форматирование, комментарии и порядок объявлений не видны.\n\nКоды: 0 (с --fail-on: ничего такого не отмечено), 1 отмечено или в стороне ошибки, 2 неверный вызов.", "Each side is a policy folder, a file, or a git revision of the current repository (its Policies/ at that revision, or --policy). Computed on the compiled tables of both sides: access gained and lost per login (with the grant that causes it), role changes, tree and term changes, every routing outcome that changes, lint findings introduced or resolved, and risk flags. Formatting, comments and declaration order never show up.\n\nExit status: 0 (or, with --fail-on, 0 when nothing of that kind is flagged), 1 flagged or a side has errors, 2 wrong usage.")
        case .helpCaseDiscussion: ("Каждое действие проходит одну проверку: действующая политика должна разрешать его вам на этом сообщении, статус сообщения должен его допускать (docs/workflow.md), а подготовивший или направивший ответ не может сам утвердить или вернуть его. Отказы объясняются и попадают в аудит.", "Every action passes one gate: the active policy must allow it to you on this case, the case's state must allow it (docs/workflow.md), and whoever drafted or submitted an answer cannot approve or return it. Denials are explained and audited.")
        case .helpCaseImportDiscussion: ("Повторная загрузка безопасна (по номеру ПОС). Ошибочные строки выводятся с номером и причиной, остальные загружаются; код 1, если была хоть одна ошибочная строка. Загружать может Координатор или администратор.", "Idempotent by ПОС number. Bad lines are reported with their number and reason while good lines go in; exit 1 if any line was bad. The coordinator or the administrator may import.")
        case .helpAbsenceDiscussion: ("`plan` — пробный прогон, ничего не меняет: какие сообщения перейдут (с отметкой тех, чей срок наступает в отсутствие), какие маршруты приведут к замещающему, его нагрузка, все ошибки и предупреждения. `add` делает ровно то, что показал `plan`. Администратор (manage_delegations) может делать это за любого, исполнитель — за себя.", "`plan` is a dry run that changes nothing: the cases that will move (flagging those due during the absence), the routes that will resolve to the substitute, the substitute's load, and every error or warning. `add` does exactly what `plan` printed. The administrator (manage_delegations) may do this for anyone; an executor for themselves.")
        case .helpAbsenceChangeDiscussion: ("У начавшегося отсутствия первый день не меняется; последний может сдвинуться (не раньше вчерашнего дня: тогда оно заканчивается сегодня). Если изменение делает ответственным другого сотрудника, открытые сообщения переходят к нему сегодня, с записью в аудите (docs/delegation.md).", "An absence in progress keeps its first day; its last day may move (back as far as yesterday: it then ends today). When the change makes someone else responsible, the open cases move to them today, audited (docs/delegation.md).")
        case .helpLoginDiscussion: ("Токен сеанса хранится с правами 0600 в ~/.config/lko/sessions/ (по одному на базу или на сервер) и используется следующими командами; --print-token печатает его для LKO_TOKEN. Пять неверных паролей подряд блокируют учётную запись на 15 минут.", "The session token is stored with mode 0600 under ~/.config/lko/sessions/ (one per database, or one per server with --server) and used by every later command; `--print-token` prints it instead, for LKO_TOKEN. Five wrong passwords in a row lock the account for 15 minutes.")
        case .helpUserPasswdDiscussion: ("Свой пароль: текущий, затем новый; все ваши сеансы завершаются, этот заменяется. С --password-stdin первая строка — текущий пароль, вторая — новый. Чужой (`lko user passwd ЛОГИН`): только новый пароль; сеансы сотрудника завершаются.", "Your own: the current password, then the new one; every session of yours ends and this one is replaced. With --password-stdin the first line is the current password and the second the new one. Someone else's (`lko user passwd LOGIN`): only the new password; their sessions end.")
        case .serverRefused: ("{command} работает только с локальными файлами и не выполняется на сервере ({server}); запустите её там, где файлы{hint}", "{command} works only on local files and cannot run against a server ({server}); run it where the files are{hint}")
        // section A templates
        case .errPeriodStartAfterEnd: ("Начало периода позже его конца.", "The start of the period is after its end.")
        case .errNoPOSSnapshot: ("Выгрузок ПОС ещё нет: загрузите выгрузку командой `lko pos import ФАЙЛ.xlsx`.", "There is no ПОС export yet: load one with `lko pos import FILE.xlsx`.")
        case .errNothingApplied:
            ("Ещё ни одна версия не отмечена как настроенная в ЛКО (`lko pos applied ВЕРСИЯ`); выведите лист целиком.",
             "No version is marked as configured in the ЛКО yet (`lko pos applied VERSION`); print the whole sheet.")
        case .errSheetRowsRange: ("Строк: от 1 до 1 048 000.", "Rows: from 1 to 1,048,000.")
        case .errAccessViewForbidden:
            ("Просмотр прав доступа доступен Администратору ЛКО и Куратору (manage_users или view_audit).",
             "Access rights are shown to the ЛКО administrator and the curator (manage_users or view_audit).")
        case .errNoAccountNorRights: ("Нет ни учётной записи, ни прав в политике для «{login}».", "`{login}` has neither an account nor rights in the policy.")
        case .errUnknownAction: ("Неизвестное действие «{action}».", "Unknown action `{action}`.")
        case .errUnknownActionChoices: ("Неизвестное действие «{action}»; действия: {actions}.", "Unknown action `{action}`; the actions: {actions}.")
        case .errUnknownNode: ("Неизвестный узел классификатора «{node}».", "Unknown node `{node}` of the category tree.")
        case .errHandoverRefused:
            ("Передача дела {number} ({node}) отклонена: {reason} Дело могут принять: {candidates}; передать могут: {reassigners}. Уже переданы: {moved}; учётная запись не отключена.",
             "Handing over case {number} ({node}) was refused: {reason} Who may take the case: {candidates}; who may hand it over: {reassigners}. Already handed over: {moved}; the account is not disabled.")
        case .errNobody: ("никто", "nobody")
        case .errNone: ("нет", "none")
        case .errEnterLogin: ("Укажите логин.", "Give the login.")
        case .errEnterPassword: ("Укажите пароль.", "Give the password.")
        case .errEnterCurrentPassword: ("Укажите текущий пароль.", "Give the current password.")
        case .errEnterNewPassword: ("Укажите новый пароль.", "Give the new password.")
        case .errUntilOrOpenEnded:
            ("Укажите либо последний день отсутствия, либо «без даты окончания», но не оба.",
             "Give either the last day away or “open-ended”, not both.")
        case .errAbsenceEndsBeforeStart: ("Последний день отсутствия раньше первого.", "The last day away is before the first.")
        case .errAbsenceReasonChoices: ("Причина: отпуск, больничный, командировка, учёба или иное.", "The reason: vacation, sick, business_trip, study or other.")
        case .errEnterSubstitute: ("Укажите замещающего сотрудника.", "Give the substitute.")
        case .errAbsenceChangeNothing: ("Укажите, что изменить: даты, причину, замещающего или флаги.", "Say what to change: the dates, the reason, the substitute or the flags.")
        case .errEnterAbsentee: ("Укажите, кто отсутствует.", "Give who will be away.")
        case .errCheckWindowRange: ("Окно проверки: 0–366 дней.", "The window is 0–366 days.")
        case .errEnterDate: ("Укажите дату.", "Give the date.")
        case .errUnreadableDate: ("Дата «{text}» не читается; пишите ДД.ММ.ГГГГ.", "The date `{text}` cannot be read; write DD.MM.YYYY (or YYYY-MM-DD).")
        case .errPageRange: ("Номер страницы: от 1 до 1 000 000 000.", "The page number is 1 to 1,000,000,000.")
        case .errPerPageRange: ("На странице от 1 до {maximum} строк.", "A page holds 1 to {maximum} rows.")
        case .errTextTooLong: ("Не длиннее {maximum} символов.", "At most {maximum} characters.")
        case .errTextHasNUL: ("Текст содержит недопустимый символ NUL.", "The text contains a NUL character, which is not allowed.")
        case .errChooseExecutor: ("Выберите исполнителя.", "Choose the executor.")
        case .errEnterAnswerText: ("Введите текст ответа.", "Write the answer text.")
        case .errEnterReturnComment: ("Укажите, что нужно доработать: комментарий обязателен.", "Say what to fix: the comment is required.")
        case .errEnterRedirectTarget: ("Укажите организацию, в которую перенаправляется сообщение.", "Give the organization the case is redirected to.")
        case .errRedirectKindChoices:
            ("Вид перенаправления: в подведомственную организацию (subordinate), в вышестоящую (superior), в другой орган (other_body) или по e-mail в ФОИВ, не подключенный к ПОС (federal_email).",
             "The kind of redirect: to a subordinate organization (subordinate), to a superior one (superior), to another body (other_body) or by e-mail to a federal body not connected to ПОС (federal_email).")
        case .errEnterReclassifyTarget: ("Укажите подкатегорию, к которой относится содержание.", "Give the subcategory the content belongs to.")
        case .errEnterReclassifyReason: ("Укажите причину переклассификации.", "Give the reason for the reclassification.")
        case .errExtendDaysRange: ("Срок продлевается на 1–30 дней.", "A term is extended by 1–30 days.")
        case .errEnterExtendReason:
            ("Укажите причину продления (заявителю направляется промежуточный ответ).", "Give the reason for the extension (the applicant gets an interim answer).")
        case .errModerationIsPlatform: ("Модерацию проводит ПОС; такие события приходят с выгрузкой.", "ПОС moderates; such events come in with the export.")
        case .errExplainOthersForbidden:
            ("Объяснять права других сотрудников могут администратор ЛКО и контролирующие (report).",
             "Only the ЛКО administrator and the controllers (report) may explain other people's rights.")
        case .errNoSuchSubcategory: ("Нет подкатегории «{node}» в политике.", "There is no subcategory `{node}` in the policy.")
        case .errTermDaysRange: ("Срок: 1–366 дней.", "The term is 1–366 days.")
        case .errTermUnitChoices: ("Единица срока: working или calendar.", "The unit of the term: working or calendar.")
        case .errPolicyFilesMissing: ("Пришлите хотя бы один файл политики (.lko).", "Send at least one policy file (.lko).")
        case .errPolicyTooManyFiles: ("Не больше {maximum} файлов.", "At most {maximum} files.")
        case .errPolicyTooLarge: ("Политика больше 8 МБ.", "The policy is larger than 8 MB.")
        case .errPolicyFileName: ("Имя файла «{name}» не подходит: нужно имя вида grants.lko.", "The file name `{name}` does not fit: it must look like grants.lko.")
        case .errRisksUnconfirmed: ("В отчёте об изменениях есть риски; подтвердите применение явно.", "The change report has risks; confirm the apply explicitly.")
        case .errCommentTooLong: ("Комментарий не длиннее {maximum} символов.", "The comment is at most {maximum} characters.")
        case .errSetInitialPassword: ("Задайте начальный пароль.", "Set the initial password.")
        case .errOwnPasswordElsewhere:
            ("Свой пароль меняют на странице «Смена пароля», с текущим паролем.", "Your own password is changed on the “Change password” page, with the current password.")
        case .errSetNewPassword: ("Задайте новый пароль.", "Set the new password.")
        case .errAuditChainBroken: ("Цепочка журнала нарушена на записи № {seq}: {reason}.", "The audit chain is broken at entry {seq}: {reason}.")
        case .errAuditChainIntact:
            ("Цепочка журнала цела: {entries}. Сверьте последний хеш с сохранённым отдельно.", "The audit chain is intact: {entries}. Compare the head hash with the one kept elsewhere.")
        case .wfPlatformEvent:
            ("«{action}» — событие платформы (модерацию проводит ПОС); оно приходит с выгрузкой: `lko case import`.",
             "`{action}` is a platform event (moderation happens outside the organization); it comes in with `lko case import`.")
        case .wfExecutorRequired: ("Для действия «{action}» укажите исполнителя: --to ЛОГИН.", "`{action}` needs the executor: --to LOGIN.")
        case .wfDraftTextRequired: ("Введите текст ответа: --text \"…\" или --file ФАЙЛ.", "`draft` needs the answer text: --text \"…\" or --file FILE.")
        case .wfReturnCommentRequired: ("Укажите, что нужно доработать: --comment \"…\".", "`return` needs the reason for revision: --comment \"…\".")
        case .wfRedirectTargetRequired: ("Укажите организацию, в которую перенаправляется сообщение: --to \"…\".", "`redirect` needs the organization: --to \"…\".")
        case .wfRedirectKind:
            ("Вид перенаправления — один из: {kinds} (в подведомственную организацию, в вышестоящую, в другой орган или по e-mail в ФОИВ, не подключенный к ПОС).",
             "The kind of redirect must be one of {kinds} (ПОС: to a subordinate organization, to a superior one, to another body, or by e-mail to a federal body not connected to ПОС).")
        case .wfExtendDaysRequired: ("Укажите, на сколько дней продлить срок: --days 1…30.", "`extend` needs --days 1…30.")
        case .wfExtendReasonRequired:
            ("Укажите причину продления: --comment \"…\" (заявителю направляется промежуточный ответ).", "`extend` needs the reason: --comment \"…\" (the applicant gets an interim answer).")
        case .wfModerationDateUnreadable: ("Дата модерации сообщения {number} не читается.", "The moderation date of case {number} is unreadable.")
        case .wfReclassifyTargetRequired:
            ("Укажите подкатегорию, к которой относится содержание: --to ПОДКАТЕГОРИЯ (например, roads.potholes).",
             "`reclassify` needs the node the content belongs to: --to SUBCATEGORY (e.g. roads.potholes).")
        case .wfReclassifyReasonRequired: ("Укажите причину переклассификации: --comment \"…\".", "`reclassify` needs the reason: --comment \"…\".")
        case .wfUnknownNode: ("В действующей политике нет узла «{node}».", "Unknown node `{node}` in the active policy.")
        case .wfNodeIsCategory: ("«{node}» — категория; сообщение относится к подкатегории (например, {example}).", "`{node}` is a category; a case sits on a subcategory (e.g. {example}).")
        case .wfAlreadyInNode: ("Сообщение {number} уже в «{node}».", "Case {number} is already in `{node}`.")
        case .absErrNotFound: ("Нет отсутствия № {id}; список — `lko absence list`.", "No absence #{id}; `lko absence list` shows them.")
        case .absErrCancelledNoChange:
            ("Отсутствие № {id} отменено; изменить его нельзя — запишите новое командой `lko absence add`.",
             "Absence #{id} was cancelled; it cannot change — record a new one with `lko absence add`.")
        case .absErrEndedNoChange: ("Отсутствие № {id} завершилось ({until}); это история, изменить его нельзя.", "Absence #{id} has ended ({until}); it is history and cannot change.")
        case .absErrNothingToChange:
            ("Для отсутствия № {id} нечего менять: укажите --from, --until, --open-ended, --reason, --substitute или флаг.",
             "Nothing to change for absence #{id}: give --from, --until, --open-ended, --reason, --substitute or a flag.")
        case .absErrFirstDayFixed:
            ("Отсутствие № {id} началось {from}, и его сообщения уже переданы; первый день изменить нельзя (завершите его командой `lko absence end {id}` и запишите новое).",
             "Absence #{id} started on {from} and its cases were handed over; its first day cannot change (end it with `lko absence end {id}` and record a new one).")
        case .absErrLastDayTooEarly:
            ("Отсутствие № {id} идёт; его последний день — не раньше вчерашнего ({yesterday}): прошедшие дни — история.",
             "Absence #{id} is in progress; its last day can be yesterday ({yesterday}) at the earliest — days already past are history.")
        case .absErrNotRecorded: ("Отсутствие не записано:", "The absence is not recorded:")
        case .absErrNotChanged: ("Отсутствие № {id} не изменено:", "Absence #{id} is not changed:")
        case .absErrWasCancelled: ("Отсутствие № {id} отменено.", "Absence #{id} was cancelled.")
        case .absErrAlreadyCancelled: ("Отсутствие № {id} уже отменено.", "Absence #{id} is already cancelled.")
        case .absErrAlreadyEnded: ("Отсутствие № {id} уже завершилось ({until}).", "Absence #{id} has already ended ({until}).")
        case .absErrNotStartedUseCancel:
            ("Отсутствие № {id} начинается {from}; чтобы отказаться от него до начала, используйте `lko absence cancel {id}`.",
             "Absence #{id} starts on {from}; to drop it before it starts, use `lko absence cancel {id}`.")
        case .absErrEndOnlyEarlier:
            ("Отсутствие № {id} и так заканчивается {until}; окончание можно только перенести на более ранний день.",
             "Absence #{id} already ends on {until}; an end can only move earlier.")
        case .absErrStartedUseEnd:
            ("Отсутствие № {id} уже началось ({from}); вместо отмены завершите его: `lko absence end {id} --at ДАТА`.",
             "Absence #{id} has started ({from}); end it with `lko absence end {id} --at DATE` instead.")
        case .planAbsenteeNoAccount: ("У «{login}» нет учётной записи.", "`{login}` has no account.")
        case .planSubstituteIsAbsentee: ("Замещающим должен быть другой сотрудник, не «{login}».", "The substitute must be someone else than `{login}`.")
        case .planSubstituteNoAccount: ("У замещающего «{substitute}» нет учётной записи.", "The substitute `{substitute}` has no account.")
        case .planSubstituteDisabled: ("Учётная запись замещающего «{substitute}» отключена.", "The account of the substitute `{substitute}` is disabled.")
        case .planEndsBeforeStart: ("Последний день отсутствия ({until}) раньше первого ({from}).", "The absence ends ({until}) before it starts ({from}).")
        case .planOverlapping:
            ("У «{login}» уже есть отсутствие № {absence} ({from} – {until}), пересекающееся с этим; одновременно отсутствовать дважды нельзя.",
             "`{login}` already has absence #{absence} ({from} – {until}) overlapping this one; one person cannot be away twice at once.")
        case .planCycle:
            ("Замкнутая цепочка замещения на {day}: {chain}; выберите замещающего, которого «{login}» не замещает ни прямо, ни через других (цикл длится {span}).",
             "Substitution cycle on {day}: {chain}; choose a substitute who is not (transitively) substituted by {login} (the cycle lasts {span}).")
        case .planSpanOneDay: ("только {day}", "on {day} only")
        case .planSpanDays: ("с {from} по {until}", "from {from} to {until}")
        case .planPerson: ("{login}", "{login}")
        case .planNotCovering:
            ("Замещающий не является исполнителем по всем сообщениям и маршрутам «{login}»: {gaps}.",
             "The substitute does not cover every case and route of {login}: {gaps}.")
        case .planGap: ("«{node}» ({reasons}): у «{person}» на {day} нет по ней назначения с ролью {role}", "{node} ({reasons}): {person} holds no {role} grant on it on {day}")
        case .planReasonCases: ("сообщения {numbers}", "cases {numbers}")
        case .planReasonAutorule: ("автоправило {rule}", "autorule {rule}")
        case .planReasonFasttrack: ("фаст-трек {rule}", "fasttrack {rule}")
        case .planChain:
            ("{day} замещающий «{substitute}» тоже отсутствует: сообщения перейдут по цепочке {chain} к «{person}».",
             "On {day} {substitute} is absent too: cases go along {chain} to {person}.")
        case .planMoreChainDays: ("… и ещё {days} с цепочкой замещения.", "… and {days} more with a substitution chain.")
        case .planNotCoveredPartial: ("Не покрыто замещающим, эти сообщения уйдут Координатору: {gaps}.", "Not covered, their cases go to the coordinator's queue: {gaps}.")
        case .planAlreadyOver:
            ("Отсутствие закончилось {until}, до того как его записали: запись лишь фиксирует, кто отсутствовал; сообщения не передаются, и к «{substitute}» ничего не направляется.",
             "The absence ended on {until} before it is recorded: it records who was away; no case moves and nothing routes to {substitute}.")
        case .planDueDuringAbsence: ("Сообщений и обращений со сроком в период отсутствия: {count}.", "Cases due during the absence: {count}.")
        case .planOverloaded:
            ("У замещающего «{substitute}» будет {count} открытых сообщений и обращений — больше {limit}.", "{substitute} will hold {count} open cases (more than {limit}).")
        case .planSuggestion:
            ("добавьте в политику (готово для вставки):\n      {paste}\n    затем `lko check`, `lko apply`; или выберите другого замещающего, или используйте --allow-partial",
             "add to the policy (ready to paste):\n      {paste}\n    then `lko check`, `lko apply`; or choose another substitute, or use --allow-partial")
        case .planCoverHint:
            ("Выберите другого замещающего или попросите администратора ЛКО выдать роль «Исполнитель» на период отсутствия.",
             "Choose another substitute, or ask the ЛКО administrator for the executor role for the absence.")
        case .planApprovalGap:
            ("Сообщение {number} ({node}) на утверждении, и в дни {days} утвердить его некому из присутствующих{reasons} — выдайте право approve на {node} кому-то из присутствующих, объявите замещающего утверждающего (`substitute ЛОГИН for {away} as approver`) или измените отсутствие.",
             "Case {number} ({node}) is on approval and nobody present may approve it on {days}{reasons} — grant approve on {node} to someone present, declare a substitute approver (`substitute LOGIN for {away} as approver`), or change the absence.")
        case .planApprovalReasons: (" ({reasons})", " ({reasons})")
        case .planApprovalAway: ("отсутствуют: {list}", "away: {list}")
        case .planApprovalAwayEntry: ("{login} (отсутствие № {absence})", "{login} (absence #{absence})")
        case .planApprovalSeparated: ("разделение обязанностей: {list}", "separated by duty: {list}")
        case .planLoginPlaceholder: ("ЛОГИН", "LOGIN")
        case .absOptLogin: ("Исполнитель, который будет отсутствовать.", "The executor who will be absent.")
        case .absOptFrom: ("Первый день отсутствия.", "First day away.")
        case .absOptUntil: ("Последний день отсутствия (не указывайте для больничного без даты окончания).", "Last day away (omit for open-ended sick leave).")
        case .absOptReason:
            ("vacation (отпуск), sick (больничный), business_trip (командировка), study (учёба) или other (иное).", "vacation, sick, business_trip, study or other.")
        case .absOptSubstitute: ("Замещающий: активная учётная запись с ролью «Исполнитель».", "The substitute: an active account holding the executor role.")
        case .absOptReturnOpenCases:
            ("По окончании вернуть вернувшемуся исполнителю сообщения, ещё открытые и не направленные на утверждение.",
             "At the end, give cases still open and not yet submitted back to the returning executor.")
        case .absOptAllowPartial:
            ("Разрешить замещающего, который покрывает не всё: непокрытые сообщения уходят Координатору.",
             "Allow a substitute who does not cover everything: uncovered cases go to the coordinator.")
        case .absOptListAt: ("Только отсутствия, которые охватывают этот день.", "Only absences covering this day.")
        case .absOptListLogin: ("Только отсутствия этого сотрудника (или те, где он замещает).", "Only absences of (or substituted by) this login.")
        case .absOptID: ("Номер отсутствия.", "The absence number.")
        case .absOptEndAt: ("Первый день после выхода (по умолчанию — сегодня).", "The first day back (default: today).")
        case .absOptCheckFrom: ("Начало окна проверки (по умолчанию — сегодня).", "Start of the window (default: today).")
        case .absOptCheckDays: ("Длина окна в днях.", "Length of the window in days.")
        case .absOptChangeFrom: ("Новый первый день отсутствия (не для начавшегося).", "New first day away (not for an absence in progress).")
        case .absOptChangeUntil: ("Новый последний день отсутствия.", "New last day away.")
        case .absOptOpenEnded: ("Последний день больше не известен (больничный).", "No known last day any more (sick leave).")
        case .absOptChangeSubstitute: ("Новый замещающий.", "The new substitute.")
        case .absOptChangeReturnOpenCases: ("Вернуть открытые сообщения по окончании.", "Give open cases back at the end.")
        case .absOptChangeAllowPartial: ("Разрешить замещающего, который покрывает не всё.", "Allow a substitute who does not cover everything.")
        case .absOptDryRun: ("Показать, что сделает изменение, ничего не меняя.", "Show what the change would do; change nothing.")
        case .absValCheckDays: ("--days: от 0 до 366", "--days must be 0…366")
        case .absValUntilOrOpenEnded: ("укажите --until или --open-ended, но не оба", "give --until or --open-ended, not both")
        case .caseOptImportFile: ("Файл или - для стандартного ввода.", "The file, or - for standard input.")
        case .caseImportingRemote: ("загрузка {size} КиБ на {server}…", "importing {size} KiB on {server}…")
        case .caseImportingProgress: ("загрузка: строк {done} из {total}", "importing: {done}/{total} lines")
        case .caseOptState: ("Только сообщения в этом статусе: {states}.", "Only cases in this state: {states}.")
        case .caseOptAssignee: ("Только сообщения, назначенные этому исполнителю (логин).", "Only cases assigned to this login.")
        case .caseOptOverdue: ("Только открытые сообщения с истёкшим сроком.", "Only open cases past their deadline.")
        case .caseValUnknownState: ("неизвестный статус `{state}`; статусы: {states}", "unknown state `{state}`; states: {states}")
        case .caseOptNumber: ("Номер ПОС.", "The ПОС number.")
        case .caseOptExecutor: ("Логин исполнителя.", "The executor's login.")
        case .caseOptText: ("Текст ответа.", "The answer text.")
        case .caseOptFile: ("Прочитать текст ответа из этого файла.", "Read the answer text from this file.")
        case .caseValTextOrFile: ("укажите ответ ровно одним из --text или --file", "give the answer with exactly one of --text or --file")
        case .caseOptComment: ("Комментарий.", "A comment.")
        case .caseOptReturnComment: ("Что нужно доработать.", "What to fix.")
        case .caseOptRedirectTo: ("Организация, в которую перенаправляется сообщение.", "The organization it goes to.")
        case .caseOptRedirectKind: ("subordinate, superior, other_body или federal_email (виды перенаправления в ПОС).", "subordinate, superior, other_body or federal_email (ПОС's kinds of redirect).")
        case .caseOptRedirectComment:
            ("Комментарий (обязателен, если обращение перенаправляется позже 7 дней со дня регистрации).", "A comment (required for an appeal later than 7 days after registration).")
        case .caseOptExtendDays: ("На сколько дней продлить (1…30).", "Days to add (1…30).")
        case .caseOptExtendComment: ("Причина (заявителю направляется промежуточный ответ).", "The reason (the applicant gets an interim answer).")
        case .caseOptReclassifyTo: ("Подкатегория (или факт), к которой относится содержание.", "The subcategory (or fact) the content belongs to.")
        case .caseOptReclassifyComment: ("Почему (обязательно).", "Why (required).")
        case .caseOptReopenComment: ("Почему.", "Why.")
        case .reportOptDay: ("День отчёта (по умолчанию — сегодня).", "The day of the report (default: today).")
        case .reportOptOverdueDay: ("День (по умолчанию — сегодня).", "The day (default: today).")
        case .reportOptUntil: ("Последний показываемый день (по умолчанию — сегодня).", "Last day shown (default: today).")
        case .reportOptFrom: ("Первый день (по умолчанию — за 30 дней до --to).", "First day (default: 30 days before --to).")
        case .reportOptTo: ("Последний день (по умолчанию — сегодня).", "Last day (default: today).")
        case .auditCmdAbstract: ("Чтение и проверка журнала аудита (нужно право view_audit).", "Read and verify the audit log (needs view_audit).")
        case .auditCmdLogAbstract: ("Записи журнала аудита, от старых к новым.", "Print audit entries, oldest first.")
        case .auditCmdOptSince: ("Записи начиная с этого времени (ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ).", "Entries at or after this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM).")
        case .auditCmdOptActor: ("Только записи этого сотрудника (логин).", "Only entries by this login.")
        case .auditCmdOptObject: ("Только записи об этом объекте (например, user:head или user — обо всех пользователях).", "Only entries about this object (e.g. user:head, or user for all users).")
        case .auditCmdOptLimit: ("Не больше стольких записей.", "At most this many entries.")
        case .auditCmdValSince: ("--since: нужно ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ, а не {value}", "--since must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got {value}")
        case .auditCmdValLimit: ("--limit: не меньше 1", "--limit must be at least 1")
        case .auditCmdVerifyAbstract:
            ("Проверить всю цепочку хешей и назвать первую запись, которую изменили, удалили, вставили или переставили.",
             "Check the whole hash chain; name the first entry that was edited, deleted, inserted or reordered.")
        case .auditCmdVerifyDiscussion:
            ("Коды: 0 цепочка цела, 1 нарушена. Сохраните напечатанный последний хеш в другом месте: по нему видно и переписывание всей цепочки.",
             "Exit status: 0 intact, 1 broken. Record the printed head hash elsewhere: it also reveals a rewrite of the whole chain.")
        case .auditCmdOptCheckpoints:
            ("Доказать хвост цепочки по подписанным контрольным точкам в этой папке (`lko audit checkpoint --dir`).",
             "Prove the chain's tail against the signed checkpoints in this folder (`lko audit checkpoint --dir`).")
        case .auditCmdOptDeep:
            ("Также пересчитать отпечаток каждой строки и назвать строки, изменённые в обход lko (только с файлом базы).",
             "Also recompute every row's digest and name rows edited behind lko's back (the database file only).")
        case .auditCmdOptKey:
            ("Ключ контрольных точек (по умолчанию — путь к базе + .audit-key; доверенным считается его .pub).",
             "The checkpoint key (default: the database path + .audit-key; its .pub is trusted).")
        case .auditCmdNeedsFile:
            ("--checkpoints и --deep работают с файлом базы; запустите их на машине сервера с --db", "--checkpoints and --deep need the database file; run them on the server machine with --db")
        case .auditCmdIntact: ("цепочка журнала цела: {entries}; последний хеш {head}", "audit chain intact: {entries}; head {head}")
        case .auditCmdBroken: ("цепочка журнала НАРУШЕНА на записи № {seq}: {reason}", "audit chain BROKEN at entry {seq}: {reason}")
        case .auditCmdBrokenError: ("цепочка журнала нарушена на записи № {seq}: {reason}", "the audit chain is broken at entry {seq}: {reason}")
        case .auditCmdCheckpoints: ("действительных контрольных точек: {count}", "checkpoints: {count} valid")
        case .auditCmdProvenThrough: ("; записи № 1…{seq} доказанно не изменены", ", entries #1…#{seq} proven unchanged")
        case .auditCmdProblem: ("  ПРОБЛЕМА: {problem}", "  PROBLEM: {problem}")
        case .auditCmdRowsClean: ("строки: каждая отслеживаемая строка содержит то, что записал lko", "rows: every tracked row holds what lko recorded")
        case .auditCmdRowsFindings: ("строки: находок — {count}", "rows: {count} finding(s)")
        case .auditCmdTailUnproven:
            ("без --checkpoints ПАПКА хвост цепочки доказать нельзя (удаление последних записей или переписывание всей цепочки останется незамеченным)",
             "without --checkpoints DIR the tail of the chain cannot be proven (deleting the newest entries, or rewriting the whole chain, goes unseen)")
        case .auditCaveatNoValidCheckpoint:
            ("в {directory} нет действительной контрольной точки: удаление последних записей или переписывание всей цепочки обнаружить нельзя",
             "no valid checkpoint in {directory}: deleting the newest entries, or rewriting the whole chain, cannot be detected")
        case .auditCaveatAfterCheckpoint:
            ("записи № {first}…{last} сделаны после последней контрольной точки и пока не доказаны (выполните `lko audit checkpoint`)",
             "entries #{first}…#{last} came after the newest checkpoint and cannot be proven yet (run `lko audit checkpoint`)")
        case .auditCaveatNoCheckpoints:
            ("контрольные точки не указаны (--checkpoints ПАПКА): хвост цепочки доказать нельзя — удаление последних записей или переписывание всей цепочки останется незамеченным",
             "no checkpoints were given (--checkpoints DIR): the tail of the chain cannot be proven — deleting the newest entries, or rewriting the whole chain, goes unseen")
        case .auditCmdCheckpointAbstract:
            ("Подписать последнюю запись цепочки (Ed25519, ключ хранится вне базы) и записать контрольную точку в папку или на стандартный вывод.",
             "Sign the audit chain's head (Ed25519, a key kept outside the database) and write it to a folder or stdout.")
        case .auditCmdCheckpointDiscussion:
            ("Храните контрольные точки там, где их не может изменить тот, кто может изменить базу: на другой машине, в хранилище с однократной записью. `lko serve` записывает их каждые 15 минут и при остановке. Затем `lko audit verify --checkpoints ПАПКА` доказывает, что каждая запись до контрольной точки не изменена.\n\n  lko audit checkpoint --db /var/lib/lko/lko.sqlite --dir /var/lib/lko/checkpoints",
             "Keep checkpoints where whoever can edit the database cannot: another machine, a write-once store. `lko serve` writes one every 15 minutes and at shutdown. `lko audit verify --checkpoints DIR` then proves every checkpointed entry unchanged.\n\n  lko audit checkpoint --db /var/lib/lko/lko.sqlite --dir /var/lib/lko/checkpoints")
        case .auditCmdOptDir: ("Записать контрольную точку в эту папку (по умолчанию — напечатать её).", "Write the checkpoint into this folder (default: print it).")
        case .auditCmdOptSigningKey: ("Ключ подписи (по умолчанию — путь к базе + .audit-key).", "The signing key (default: the database path + .audit-key).")
        case .auditCmdCheckpointNeedsFile:
            ("контрольная точка подписывается на машине сервера ключом, лежащим рядом с базой; запустите команду там с --db",
             "a checkpoint is signed on the server machine with the key beside the database; run it there with --db")
        case .auditCmdCheckpointWritten: ("контрольная точка записи № {seq} записана: {file}", "checkpoint of entry #{seq} written: {file}")
        case .accessHeading: ("права доступа на {day}: {person}{tags}", "access of {person} on {day}{tags}")
        case .accessLocked: ("заблокирована", "locked")
        case .accessStatusActive: ("активна", "active")
        case .accessStatusDisabled: ("отключена", "disabled")
        case .accessStatusRemoved: ("удалена", "removed")
        case .accessStatusNoAccount: ("нет учётной записи", "no account")
        case .accessRoles: ("  роли: {roles}", "  roles: {roles}")
        case .accessGrantsHeading: ("  назначения ролей:", "  grants:")
        case .accessGrantLine: ("    {role} — {nodes}{period}{invalid}  ({position})", "    {role} on {nodes}{period}{invalid}  ({position})")
        case .accessRoleNamed: ("«{title}» ({role})", "{role} («{title}»)")
        case .accessFrom: (" с {day}", " from {day}")
        case .accessUntil: (" по {day}", " until {day}")
        case .accessNotValidThatDay: (" (не действует в этот день)", " (not valid that day)")
        case .accessReachAny: ("любые сообщения и обращения", "any case")
        case .accessReachGranted: ("сообщения и обращения в {nodes}", "cases in {nodes}")
        case .accessReachAssigned: ("назначенные ему сообщения и обращения", "cases assigned to them")
        case .accessReachAssignedAndGranted: ("назначенные ему сообщения и обращения в {nodes}", "cases assigned to them in {nodes}")
        case .accessRightLine: ("{action}: {reach}{period}", "{action}: {reach}{period}")
        case .accessSourceGrant: ("роль {role}, {position}", "grant {role} at {position}")
        case .accessSourceAbsence:
            ("на время отсутствия № {absence} ({person}), разрешение замещать — {position}", "via absence #{absence} of {person}, eligibility at {position}")
        case .accessDerivedHeading: ("  права на время отсутствий (как замещающего):", "  rights from absences:")
        case .accessAbsencesHeading: ("  отсутствия:", "  absences:")
        case .accessAbsenceAway: ("    № {id}: отсутствует {from} – {until}, замещает {substitute} [{status}]", "    #{id} away {from} – {until}, substitute {substitute} [{status}]")
        case .accessAbsenceStandsIn: ("    № {id}: замещение, отсутствует {person}, {from} – {until} [{status}]", "    #{id} stands in for {person} {from} – {until} [{status}]")
        case .accessOpenCases: ("  открытые сообщения и обращения: {cases}", "  open cases: {cases}")
        case .accessWarnInactive: ("политика назначает роли сотруднику {login}, но его учётная запись {status}", "the policy grants roles to `{login}`, whose account is {status}")
        case .accessWarnNoAccount: ("политика назначает роли {login}, но такой учётной записи нет", "the policy grants roles to `{login}`, who has no account")
        case .accessWhoCanLine: ("{person}{status}: {reach} — {source}", "{person}{status}: {reach} — {source}")
        case .accessReviewTitle: ("# Матрица доступа на {day}", "# Access matrix on {day}")
        case .accessReviewPolicy: ("Политика `{version}…`", "Policy `{version}…`")
        case .accessReviewCompared: ("; сравнение с проверкой № {id} от {day} ({person})", "; compared with review #{id} of {day} by {person}")
        case .accessColumnRight: ("Право", "right")
        case .accessColumnSource: ("Откуда", "source")
        case .accessReviewChanges: ("## Изменения с последней записанной проверки", "## Changes since the last recorded review")
        case .accessChangeGained: ("- {person}: получено право {right}", "- {person}: gained {right}")
        case .accessChangeLost: ("- {person}: утрачено право {right}", "- {person}: lost {right}")
        case .accessViaGrant: ("{right} (роль {role})", "{right} (role {role})")
        case .accessViaAbsence: ("{right} (как замещающий, роль {role}, отсутствие № {absence}: {person})", "{right} (as substitute, role {role}, via absence #{absence} of {person})")
        case .absStatusPlanned: ("запланировано", "planned")
        case .absStatusInProgress: ("идёт", "in progress")
        case .absStatusEnded: ("завершено", "ended")
        case .absStatusCancelled: ("отменено", "cancelled")
        case .calDayLine: ("{date} {weekday}: {kind}, {reason}", "{date} {weekday}: {kind}, {reason}")
        case .calWorking: ("рабочий", "working")
        case .calNonWorking: ("нерабочий", "non-working")
        case .calWeekdays: ("пн вт ср чт пт сб вс", "Mon Tue Wed Thu Fri Sat Sun")
        case .calReasonOrdinary: ("обычный будний день", "ordinary weekday")
        case .calReasonWeekend: ("выходной день", "weekend")
        case .calReasonHoliday: ("праздничный день ({source})", "public holiday ({source})")
        case .calReasonTransferred: ("выходной по переносу ({source})", "day off by transfer ({source})")
        case .calReasonWorkingWeekend: ("рабочий день по переносу ({source})", "working weekend day ({source})")
        case .calReasonDeclaredWorking: ("объявлен рабочим в политике ({source})", "declared working by override ({source})")
        case .calReasonDeclaredDayOff: ("объявлен нерабочим в политике ({source})", "declared non-working by override ({source})")
        case .calStep: ("{day} — {verdict}", "{day} — {verdict}")
        case .calStepSkipped: ("пропущен", "skipped")
        case .calStepCounted: ("рабочий день срока № {ordinal}", "working day {ordinal} of the term")
        case .calStepChosen: ("последний день срока", "deadline")
        case .calNoteSwallowed:
            ("все дни с {from} по {until} нерабочие: срок поглощён праздниками, и последний день срока переносится вперёд, на первый рабочий день — {date}",
             "every day from {from} to {until} is non-working, so the term was swallowed by holidays: the deadline moves forward to the first working day, {date}")
        case .calExplainHead: ("поступление {entry} + {term}{extension}; номинальный последний день {nominal}", "entry {entry} + {term}{extension}; nominal last day {nominal}")
        case .calExtension: (" + продление на {days}", " + {days} extension")
        case .calTermCalendarDays: ("календарный день|календарных дня|календарных дней", "calendar day|calendar days")
        case .calTermWorkingDays: ("рабочий день|рабочих дня|рабочих дней", "working day|working days")
        case .calYearNotCovered:
            ("производственный календарь не охватывает {year} год: добавьте постановление о переносе выходных на этот год, прежде чем считать в нём даты",
             "the production calendar does not cover {year}: add that year's transfer decree before computing dates in it")
        case .calOverrideYearNotCovered:
            ("поправка на {date}: календарь не охватывает {year} год; сначала объявите год с его постановлением", "override for {date}: the calendar does not cover {year}; declare the year with its decree first")
        case .calOverrideDuplicateDate: ("день {date} исправлен больше одного раза", "{date} is overridden more than once")
        case .calOverrideMissingSource: ("{subject}: не указан источник — назовите закон или постановление", "{subject} has no source: name the law or decree behind it")
        case .calOverrideInvalidYear: ("{year} — не год, который может хранить календарь (1…9999)", "{year} is not a year the calendar can hold (1…9999)")
        case .calOverrideDuplicateYear: ("{year} год объявлен больше одного раза", "year {year} is declared more than once")
        case .calSubjectYear: ("{year} год", "year {year}")
        case .calSubjectOverride: ("поправка на {date}", "override for {date}")
        case .wfCalendarCannotBuild: ("Производственный календарь не удалось построить: {reason}.", "The production calendar cannot be built: {reason}.")
        case .wfCalendarAddYear:
            ("{reason}. Добавьте год в политику (`calendar { year … }`), когда будет опубликовано постановление.",
             "{reason}; add the year to the policy with `calendar { year … }` once its decree is published.")
        case .errDatabaseMissing:
            ("Нет базы lko по пути {path}: создайте её командой `lko init --db {path}` или укажите существующую через --db или LKO_DB.",
             "no lko database at {path}; create one with `lko init --db {path}` or point --db / LKO_DB at an existing one")
        case .errDatabaseExists:
            ("Файл {path} уже существует; lko не перезаписывает существующие файлы: укажите другой путь (или удалите файл, если он действительно не нужен).",
             "{path} already exists; lko never overwrites an existing file: choose another path (or remove the file if it is truly unwanted)")
        case .errNotAnLKODatabase:
            ("{path} — не база lko (файл другой программы или вовсе не SQLite); проверьте --db или LKO_DB.",
             "{path} is not an lko database (another program's file, or not SQLite at all); check --db / LKO_DB")
        case .errSchemaTooNew:
            ("Базу {path} записала более новая версия lko (в её схеме есть неизвестные этой версии изменения); обновите lko, чтобы открыть её.",
             "{path} was written by a newer lko (its schema has migrations this binary does not know); upgrade lko to open it")
        case .errClockOverrideRefused:
            ("Задан LKO_NOW, но это рабочая база: переводить часы можно только в базе, созданной командой `lko init --sandbox`.",
             "LKO_NOW is set, but this is a production database: moving the clock is allowed only in a database created with `lko init --sandbox`")
        case .errSandboxTampered:
            ("Признак песочницы в базе {path} изменён в обход lko (он больше не совпадает с журналом аудита); база не открыта — восстановите её из резервной копии.",
             "the sandbox setting of {path} was changed outside lko (it no longer matches the audit chain); the database is not opened — restore it from a backup")
        case .fieldErrNameEmpty:
            ("не заполнено; укажите полное имя сотрудника, например --full-name \"Иванова Мария Петровна\"", "it is empty; give the person's full name, e.g. --full-name \"Иванова Мария Петровна\"")
        case .fieldErrTooLong: ("длиннее 500 символов", "longer than 500 characters")
        case .fieldErrControlCharacters: ("содержит управляющие символы или переводы строки", "it contains control characters or line breaks")
        case .fieldErrNotAnAddress: ("«{value}» — не адрес вида name@example.ru", "`{value}` is not an address like name@example.ru")
        case .fieldErrCannotCreate: ("не удаётся создать {path} (есть ли такая папка и можно ли в неё писать?)", "cannot create {path} (does the folder exist and is it writable?)")
        case .fieldErrCannotRead: ("не удаётся прочитать {path} (нет прав доступа?)", "cannot read {path} (permission denied?)")
        case .fieldErrBackupIntegrity: ("копия не проходит проверку integrity_check: {result}", "the copy fails integrity_check: {result}")
        case .fieldErrBackupPostgres: ("база данных в PostgreSQL копируется средствами PostgreSQL (pg_dump, реплика), см. docs/deploy.md", "a PostgreSQL database is backed up with PostgreSQL's own tools (pg_dump, a replica), see docs/deploy.md")
        case .blockerOpenCases:
            ("у {login} открытых сообщений и обращений: {count} ({numbers}) — сначала передайте их (`lko case reassign НОМЕР --to ЛОГИН`)",
             "{count} open case(s) assigned to {login}: {numbers} — reassign them first (`lko case reassign N --to LOGIN`)")
        case .blockerPendingSubstitute:
            ("замещает {login} в отсутствие № {id} ({from} – {until}) — сначала выберите другого замещающего или отмените либо завершите это отсутствие",
             "substitute for {login} in absence #{id} ({from} – {until}) — choose another substitute or cancel/end that absence first")
        case .delegationMoveHandover: ("сообщение {number}: {from} → {to} (отсутствие № {id})", "case {number}: {from} → {to} (absence #{id})")
        case .delegationMoveHandback: ("сообщение {number}: {from} → {to} (возвращение после отсутствия № {id})", "case {number}: {from} → {to} (back from absence #{id})")
        case .delegationMoveStays:
            ("сообщение {number} остаётся у {holder}: {login} не является исполнителем по {node} на {day}", "case {number} stays with {holder}: {login} is not an executor on {node} on {day}")
        case .actorSystem: ("Система (автоматически)", "system (automatic)")
        case .auditDetailPair: ("{label}: {value}", "{label}={value}")
        case .auditYes: ("да", "yes")
        case .auditNo: ("нет", "no")
        case .columnEventCode: ("Код события", "Event code")
        case .auditEvDatabaseInit: ("Создание базы данных", "Database created")
        case .auditEvAuditBaseline: ("Начало отпечатков строк", "Row digests begin")
        case .auditEvLogin: ("Вход в систему", "Logged in")
        case .auditEvLoginFailed: ("Неудачная попытка входа", "Failed login")
        case .auditEvLoginRefused: ("Вход отклонён", "Login refused")
        case .auditEvLogout: ("Выход из системы", "Logged out")
        case .auditEvDenied: ("Отказ: недостаточно прав", "Refused: not allowed")
        case .auditEvUserAdd: ("Добавление учётной записи", "Account added")
        case .auditEvUserDisable: ("Отключение учётной записи", "Account disabled")
        case .auditEvUserEnable: ("Включение учётной записи", "Account enabled")
        case .auditEvUserRemove: ("Удаление учётной записи", "Account removed")
        case .auditEvUserUnlock: ("Снятие блокировки учётной записи", "Account unlocked")
        case .auditEvUserLocked: ("Блокировка после неудачных попыток входа", "Locked after failed logins")
        case .auditEvUserPasswd: ("Смена пароля", "Password changed")
        case .auditEvUserRehash: ("Обновление хеша пароля", "Password hash upgraded")
        case .auditEvPolicyApply: ("Применение политики", "Policy applied")
        case .auditEvPolicyRollback: ("Возврат к прежней версии политики", "Policy rolled back")
        case .auditEvAccessReview: ("Проверка прав доступа", "Access review recorded")
        case .auditEvPOSImport: ("Загрузка выгрузки ПОС", "ПОС export imported")
        case .auditEvPOSApplied: ("Версия политики настроена в ЛКО", "Policy version configured in the ЛКО")
        case .auditEvCaseImport: ("Загрузка сообщений и обращений", "Cases imported")
        case .auditEvCaseImportBatch: ("Загрузка сообщений и обращений (часть)", "Cases imported (a batch)")
        case .auditEvCaseModerate: ("Прошло модерацию", "Passed moderation")
        case .auditEvCaseReject: ("Отклонено модератором", "Rejected by the moderator")
        case .auditEvCaseAssign: ("Назначение исполнителя", "Executor assigned")
        case .auditEvCaseReassign: ("Смена исполнителя", "Executor changed")
        case .auditEvCaseDraft: ("Подготовка черновика ответа", "Answer drafted")
        case .auditEvCaseSubmit: ("Направление ответа на утверждение", "Answer submitted for approval")
        case .auditEvCaseApprove: ("Утверждение ответа", "Answer approved")
        case .auditEvCaseReturn: ("Возврат на доработку", "Returned for revision")
        case .auditEvCaseRedirect: ("Перенаправление", "Redirected")
        case .auditEvCaseExtend: ("Продление срока рассмотрения", "Term extended")
        case .auditEvCaseReopen: ("Повторное рассмотрение", "Reopened")
        case .auditEvCaseReclassify: ("Изменение категории Координатором", "Reclassified by the coordinator")
        case .auditEvCaseHandover: ("Передача замещающему сотруднику", "Handed over to the substitute")
        case .auditEvCaseHandback: ("Возврат после отсутствия", "Handed back after an absence")
        case .auditEvAbsenceAdd: ("Запись отсутствия", "Absence recorded")
        case .auditEvAbsenceChange: ("Изменение отсутствия", "Absence changed")
        case .auditEvAbsenceCancel: ("Отмена отсутствия", "Absence cancelled")
        case .auditEvAbsenceEnd: ("Досрочное окончание отсутствия", "Absence ended early")
        case .auditEvAbsenceStart: ("Начало отсутствия", "Absence started")
        case .auditEvAbsenceFinish: ("Окончание отсутствия", "Absence finished")
        case .auditEvAbsencePast: ("Запись прошедшего отсутствия", "Past absence recorded")
        case .auditDlSandbox: ("песочница", "sandbox")
        case .auditDlRole: ("роль", "role")
        case .auditDlReason: ("причина", "reason")
        case .auditDlFrom: ("было", "from")
        case .auditDlTo: ("стало", "to")
        case .auditDlAssignee: ("исполнитель", "assignee")
        case .auditDlLogin: ("сотрудник", "login")
        case .auditDlSubstitute: ("замещающий", "substitute")
        case .auditDlUntil: ("по", "until")
        case .auditDlAbsence: ("отсутствие", "absence")
        case .auditDlMoved: ("передано", "moved")
        case .auditDlReturned: ("возвращено", "returned")
        case .auditDlLastDay: ("последний день", "last_day")
        case .auditDlWasLocked: ("была заблокирована", "was_locked")
        case .auditDlTombstone: ("хранится для истории", "tombstone")
        case .auditDlMessage: ("комментарий", "message")
        case .auditDlPrevious: ("прежняя версия", "previous")
        case .auditDlVersion: ("версия", "version")
        case .auditDlPolicy: ("политика", "policy")
        case .auditDlDay: ("день", "day")
        case .auditDlFailures: ("неудачных попыток", "failures")
        case .auditDlKind: ("вид", "kind")
        case .auditDlLateDays: ("дней просрочки", "late_days")
        case .auditDlVia: ("через", "via")
        case .auditDlFromNode: ("из раздела", "from_node")
        case .auditDlToNode: ("в раздел", "to_node")
        case .auditDlBy: ("кем", "by")
        case .auditDlPosition: ("должность", "position")
        case .auditDlDepartment: ("подразделение", "department")
        case .auditDlFile: ("файл", "file")
        case .auditDlRows: ("строк", "rows")
        case .auditDlInserted: ("добавлено", "inserted")
        case .auditDlModerated: ("прошло модерацию", "moderated")
        case .auditDlUnchanged: ("без изменений", "unchanged")
        case .auditDlBad: ("ошибочных строк", "bad")
        case .auditDlChanged: ("изменено", "changed")
        case .auditDlBefore: ("до", "before")
        case .auditDlAfter: ("после", "after")
        case .auditDlAction: ("действие", "action")
        case .auditDlGrantsAdded: ("назначений добавлено", "grants_added")
        case .auditDlGrantsRemoved: ("назначений снято", "grants_removed")
        case .auditDlActive: ("действующая", "active")
        case .auditDlAsOf: ("на дату", "as_of")
        case .fieldErrCannotWrite: ("не удаётся записать {path}", "cannot write {path}")
        case .fieldErrNoSigningKey:
            ("нет читаемого ключа подписи {path} (его создаёт `lko init`; укажите его в --audit-key)", "no readable signing key at {path} (created by `lko init`; point --audit-key at it)")
        case .fieldErrAuditEmpty: ("журнал аудита пуст", "the audit log is empty")
        case .fieldErrCannotWriteInto: ("не удаётся записать в папку {path}", "cannot write into {path}")
        case .fieldNameAuditKey: ("ключ аудита", "audit key")
        case .fieldNameAudit: ("журнал аудита", "audit")
        case .fieldNameCheckpoint: ("контрольная точка", "checkpoint")
        case .fieldNameBackup: ("резервная копия", "backup")
        case .auditDlSince: ("с", "from")
        case .auditDlGitCommit: ("коммит git", "git_commit")
        case .auditDlGitClean: ("без незафиксированных правок", "git_clean")
        case .auditDlBatch: ("часть", "batch")
        case .auditDlFirst: ("первое", "first")
        case .auditDlLast: ("последнее", "last")
        case .auditDlLines: ("строки", "lines")
        case .auditValInitialAdministrator: ("первый администратор", "initial administrator")
        case .auditValUnknownLogin: ("нет такой учётной записи", "unknown login")
        case .auditValRemovedAccount: ("учётная запись удалена", "removed account")
        case .auditValLocked: ("учётная запись заблокирована", "locked")
        case .auditValDisabled: ("учётная запись отключена", "disabled")
        case .auditValNoPolicy: ("политика ещё не применена", "no policy applied yet")
        case .auditValNotExecutor: ("не исполнитель", "not_executor")
        case .errNoPolicyOnlyFirstAccount:
            ("политика ещё не применена: пока `lko apply` не введёт её в действие, управлять базой может только учётная запись, созданная `lko init`",
             "no policy is applied yet: only the account created by `lko init` may administer the database until `lko apply` activates one")
        case .wfDeniedNoAccount: ("учётной записи `{login}` нет", "there is no account `{login}`")
        case .wfDeniedAccountDisabled: ("учётная запись `{login}` отключена", "the account `{login}` is disabled")
        case .errPolicyHasErrors: ("в ней {errors}", "it has {errors}")
        case .errPolicyTestsFail: ("не проходят её тесты (провалено проверок: {failed} из {total})", "its tests fail (failed expectations: {failed} of {total})")
        case .applyTestFailure: ("ОШИБКА {position}  {test}", "FAIL {position}  {test}")
        case .applyTestGot: ("     получено: {detail}", "     got: {detail}")
        case .applyTestGotMore: ("               {detail}", "          {detail}")
        case .applyWarnNoAccount:
            ("назначения называют `{login}`, но такой учётной записи нет (создайте её: `lko user add {login}`)", "grants name `{login}`, who has no account (add one with `lko user add {login}`)")
        case .errVersionAlreadyActive: ("Версия политики {version} уже действует: возвращаться не к чему.", "The policy version {version} is the active one already: there is nothing to roll back to.")
        case .errVersionAmbiguous: ("С «{version}» начинаются несколько версий политики ({count}); укажите больше знаков.", "Several policy versions ({count}) start with `{version}`; give more characters.")
        case .historyUncommitted: (" (с незафиксированными правками)", " (dirty)")
        case .historyKindApply: ("применение", "apply")
        case .historyKindRollback: ("откат", "rollback")
        case .cliThisCommand: ("эта команда", "this command")
        case .reviewLabelActive: ("действующая v{id}", "active v{id}")
        case .reviewLabelCandidate: ("кандидат", "candidate")
        case .reviewNoActivePolicy: ("Действующей политики нет: кандидат станет первой версией.", "No policy is active: the candidate will be the first version.")
        case .auditBreakMissing: ("записей {first}…{last} нет (удалены)", "entries {first}…{last} are missing (deleted)")
        case .auditBreakOutOfOrder: ("номер записи {seq} нарушает порядок", "sequence number {seq} is out of order")
        case .auditBreakNotFollowing:
            ("запись не продолжает запись № {previous} (запись перед ней удалена, вставлена или переставлена)", "it does not follow entry {previous} (an entry before it was deleted, inserted or reordered)")
        case .auditBreakEdited: ("содержимое записи изменено (хеш не совпадает)", "its content was edited (the hash does not match)")
        case .auditCpUnreadable: ("{file}: это не читаемая контрольная точка", "{file}: not a readable checkpoint")
        case .auditCpBadSignature:
            ("{file}: подпись не подходит к доверенному ключу (контрольная точка подделана или изменена)", "{file}: the signature is not valid for the trusted key (forged or altered checkpoint)")
        case .auditCpOtherDatabase:
            ("{file}: сделана для другой базы, или первая запись журнала этой базы переписана", "{file}: made for another database, or this database's first audit entry was rewritten")
        case .auditCpEntryMissing:
            ("запись № {seq}, заверенная {at}, пропала: журнал обрезан или записи удалены (сейчас в нём {entries})",
             "entry #{seq}, checkpointed at {at}, is missing: the chain was truncated or entries deleted (now {entries})")
        case .auditCpEntryChanged: ("запись № {seq}, заверенная {at}, изменена: журнал переписан до неё", "entry #{seq}, checkpointed at {at}, was changed: the chain was rewritten up to it")
        case .auditRowFinding: ("таблица {table}, строка {row}: {problem}", "{table} row {row}: {problem}")
        case .auditRowLastRecorded: ("{finding} (последний раз записана записью журнала № {seq})", "{finding} (last recorded by audit entry #{seq})")
        case .auditRowDigestsEdited: ("хеши строк записи журнала № {seq} изменены или удалены", "the row digests of audit entry #{seq} were edited or deleted")
        case .auditRowDigestsUnexpected:
            ("хеши строк у записи журнала № {seq}, которая строк не записывает (вставлены в обход lko)", "row digests for audit entry #{seq}, which records none (inserted behind lko's back)")
        case .auditRowNotRecorded: ("lko её не записывал (вставлена в обход lko)", "not recorded by lko (inserted behind its back)")
        case .auditRowDeletedButPresent: ("lko её удалил, но она снова есть", "deleted by lko, but present again")
        case .auditRowEdited: ("изменена в обход lko", "edited behind lko's back")
        case .auditRowDeleted: ("удалена в обход lko", "deleted behind lko's back")
        case .impPosNumberMissing: ("нет поля \"pos_number\", или это не строка и не число", "\"pos_number\" is missing or not a string/number")
        case .impEpguNumberType:
            ("поле \"epgu_number\" должно быть строкой или целым числом (его цифры хранятся как текст)", "\"epgu_number\" must be a string or a whole number (its digits are kept as text)")
        case .impReceivedAtMissing: ("нет поля \"received_at\" (дата поступления, ГГГГ-ММ-ДД)", "\"received_at\" is missing (the date the case was received, YYYY-MM-DD)")
        case .impControlCharacter:
            ("в поле \"{field}\" («{value}») есть управляющий символ ({hidden}); строка отклонена, чтобы не сохранить сообщение под обрезанным или похожим номером",
             "\"{field}\" \"{value}\" contains a control character ({hidden}); the line is refused rather than stored under a cut or look-alike number")
        case .impEpguTooLong: ("поле \"epgu_number\" длиннее 64 знаков", "\"epgu_number\" is longer than 64 characters")
        case .impNULCharacter: ("в поле \"{field}\" есть символ NUL (U+0000), его нельзя сохранить; строка отклонена", "\"{field}\" contains a NUL character (U+0000), which cannot be stored; the line is refused")
        case .impPosNumberForm: ("поле \"pos_number\" должно содержать от 1 до 64 знаков без пробелов", "\"pos_number\" must be 1–64 characters without spaces")
        case .impRegimeValue: ("поле \"regime\" должно быть \"appeal\" или \"message\", а указано \"{value}\"", "\"regime\" must be \"appeal\" or \"message\", got \"{value}\"")
        case .impRegimeMissing: ("укажите \"regime\" (\"appeal\"/\"message\") или \"fz59\" (true/false)", "give \"regime\" (\"appeal\"/\"message\") or \"fz59\" (true/false)")
        case .impNoNode: ("не указаны ни категория, ни подкатегория", "the case names no category/subcategory")
        case .impUnknownNode: ("в действующей политике нет узла классификатора \"{node}\"", "unknown category node \"{node}\" in the active policy")
        case .impNodeIsCategory: ("\"{node}\" — категория; укажите подкатегорию сообщения (\"subcategory\")", "\"{node}\" is a category; give the case's subcategory (\"subcategory\")")
        case .impChannelValue:
            ("поле \"channel\" должно быть widget, epgu_account или mobile_app, а указано \"{value}\"", "\"channel\" must be widget, epgu_account or mobile_app, got \"{value}\"")
        case .impReceivedAtNotDate: ("поле \"received_at\" не дата: \"{value}\"", "\"received_at\" is not a date: \"{value}\"")
        case .impModerationAtNotDate: ("поле \"moderation_at\" не дата: \"{value}\"", "\"moderation_at\" is not a date: \"{value}\"")
        case .impStatusValue:
            ("поле \"status\" должно быть moderation, rejected или received, а указано \"{value}\"", "\"status\" must be moderation, rejected or received, got \"{value}\"")
        case .impFieldTooLong: ("поле \"{field}\" длиннее 100 КБ", "\"{field}\" is longer than 100 kB")
        case .impNotObjectBare: ("это не объект JSON (в строке массив JSON или отдельное значение)", "not a JSON object (the line is a JSON array or a bare value)")
        case .impWrongType: ("у поля \"{field}\" не тот тип", "\"{field}\" has the wrong type")
        case .impNotObject: ("это не объект JSON ({reason})", "not a JSON object ({reason})")
        case .impBadModerationDate: ("дата модерации не читается", "bad moderation date")
        case .authorizeUndecided: ("строк без решения: {count} (ошибки — выше и в полях \"error\" на выходе)", "{count} line(s) could not be decided")
        // (end of section A templates)
        // section B templates
        case .diffNoEffectiveChange: ("нет изменений по существу", "no effective change")
        case .diffSummaryAccess: ("{logins}: разрешения +{gained} −{lost}", "{logins}: +{gained} −{lost} permissions")
        case .diffNounLogin: ("логин|логина|логинов", "login|logins")
        case .diffSummaryRoles: ("изменено ролей: {count}", "roles changed: {count}")
        case .diffSummaryTree: ("изменений классификатора и сроков: {count}", "tree and term changes: {count}")
        case .diffSummaryRouting: ("изменений маршрутизации: {count}", "routing changes: {count}")
        case .diffSummaryFindings: ("замечания +{new} −{resolved}", "findings +{new} −{resolved}")
        case .diffSummarySubstitutes: ("изменений права замещения: {count}", "eligibility changes: {count}")
        case .diffSummaryAcceptances: ("изменений принятых замечаний: {count}", "acceptance changes: {count}")
        case .diffRiskCount: ("{kind} ({count})", "{kind} ({count})")
        case .diffSummaryRisks: ("РИСКИ: {risks}", "RISK: {risks}")
        case .diffTitle: ("Изменение политики: {old} → {new}", "policy diff {old} → {new}")
        case .diffMarkdownTitle: ("Изменение политики: {summary}", "Policy change: {summary}")
        case .diffSectionRisks: ("Риски", "Risks")
        case .diffSectionAccess: ("Доступ", "Access")
        case .diffSectionRoles: ("Роли", "Roles")
        case .diffSectionTree: ("Классификатор и сроки", "Tree and terms")
        case .diffSectionRouting: ("Маршрутизация", "Routing")
        case .diffSectionFindings: ("Замечания линтера", "Findings")
        case .diffSectionSubstitutes: ("Право замещения", "Substitute eligibility")
        case .diffSectionAcceptances: ("Принятые замечания", "Accepted findings")
        case .diffHolders: ("сотрудников с ролью: {count}", "holders: {count}")
        case .diffFindingNew: ("новое", "new")
        case .diffFindingResolved: ("устранено", "resolved")
        case .diffPassesOn: ("передаёт {actions}", "passes on {actions}")
        case .diffAcceptance: ("{statement}, основание: «{reason}»", "{statement} because «{reason}»")
        case .diffTableRisks: ("| риск | что |", "| kind | what |")
        case .diffTableAccess: ("| логин | изменение | разрешение | причина |", "| login | change | permission | because of |")
        case .diffTableRoles: ("| роль | сотрудников с ролью | добавлено | удалено | примечание |", "| role | holders | added | removed | note |")
        case .diffTableTree: ("| изменение | узел | подробности |", "| change | node | detail |")
        case .diffTableRouting: ("| сообщения и обращения | было | стало |", "| cases | before | after |")
        case .diffTableFindings: ("| | код | замечание |", "| | code | finding |")
        case .diffTableSubstitutes: ("| изменение | право замещения | передаёт | где объявлено |", "| change | eligibility | passes on | declared at |")
        case .diffTableAcceptances: ("| изменение | код | для | основание | где объявлено |", "| change | code | for | reason | declared at |")
        case .diffGained: ("➕ получено", "➕ gained")
        case .diffLost: ("➖ утрачено", "➖ lost")
        case .diffAdded: ("➕ добавлено", "➕ added")
        case .diffRemoved: ("➖ удалено", "➖ removed")
        case .diffInNodes: (" в {nodes}", " in {nodes}")
        case .diffFrom: (" с {from}", " from {from}")
        case .diffUntil: (" по {until}", " until {until}")
        case .diffCauseRoleUnknown: ("изменение роли", "role change")
        case .diffCauseRole: ("изменение роли {role}, {position}", "role change: {role}, {position}")
        case .diffRoleNew: ("новая роль", "new role")
        case .diffRoleRemoved: ("роль удалена", "role removed")
        case .diffRoleRenamed: ("название «{old}» → «{new}»", "title «{old}» → «{new}»")
        case .diffRiskKindEscalation: ("повышение прав", "escalation")
        case .diffRiskKindCoverage: ("пробел в покрытии", "coverage")
        case .diffRiskKindLostAccess: ("потеря доступа", "lost access")
        case .diffRiskKindLockout: ("потеря управления политикой", "lockout")
        case .diffRiskGains: ("{login} получает {permission} ({cause})", "{login} gains {permission} ({cause})")
        case .diffRiskStandIn:
            ("{substitute}, замещая {absentee}{nodes} во время записанного отсутствия, сможет {actions} (право замещения: {position})",
             "{substitute} may {actions} while standing in for {absentee}{nodes} during a recorded absence (eligibility at {position})")
        case .diffAnyone: ("любого сотрудника", "anyone")
        case .diffRiskCoverage: ("сообщения и обращения `{node}` не направляет ни одно правило, и ни один исполнитель их не охватывает", "no rule routes `{node}` and no executor covers it")
        case .diffRiskLostAccess: ("{login} ведёт сообщение или обращение {case} ({node}), но теряет на нём `{action}`", "{login} holds case {case} ({node}) but loses `{action}` on it")
        case .diffRiskLockout:
            ("по новой политике ни один логин не может `manage_policy`: изменить её больше никто не сможет",
             "no login can `manage_policy` under the new policy: nobody could change it again")
        case .diffTreeAdded: ("добавлено", "added")
        case .diffTreeRemoved: ("удалено", "removed")
        case .diffTreeRenamed: ("переименовано", "renamed")
        case .diffTreeMoved: ("перемещено", "moved")
        case .diffTreeTermKind: ("срок", "term")
        case .diffTreeAccelerated: ("ускорение", "accelerated")
        case .diffTreeWith: (", вместе с {nodes}", ", with {nodes}")
        case .diffTreeMovedFrom: ("перемещено из {from}", "moved from {from}")
        case .diffTermOfAppeal: ("обращения", "appeal")
        case .diffTermOfMessage: ("сообщения", "message")
        case .diffTreeTerm: ("срок {regime}: {old} → {new}", "{regime} term {old} → {new}")
        case .diffTreeNowAccelerated: ("теперь ускоренное рассмотрение", "now accelerated")
        case .diffTreeNoLongerAccelerated: ("больше не ускоренное рассмотрение", "no longer accelerated")
        case .diffNounCalendarDay: ("календарный день|календарных дня|календарных дней", "calendar day|calendar days")
        case .diffNounWorkingDay: ("рабочий день|рабочих дня|рабочих дней", "working day|working days")
        case .diffRoutingNotInTree: ("нет в классификаторе", "not in the tree")
        case .diffRoutingNoRule: ("без правила", "no rule")
        case .diffRoutingAutoRule: ("автоправило `{id}`", "auto-rule `{id}`")
        case .diffRoutingFastTrack: ("фаст-трек `{id}`", "fast-track `{id}`")
        case .diffRoutingOutcome: ("{target} ({rule}, {term})", "{target} ({rule}, {term})")
        case .diffRoutingMore: ("{node} и ещё {count}", "{node} and {count} more")
        case .diffRoutingRegime: ("режим {values}", "regime {values}")
        case .diffRoutingChannel: ("канал {values}", "channel {values}")
        case .diffRoutingSource: ("источник {values}", "source {values}")
        case .diffRoutingLocality: ("населённый пункт {values}", "locality {values}")
        case .diffRoutingAnyOther: ("любой другой", "any other")
        case .diffRoutingCombinations: ("сочетания {list}", "cases {list}")
        case .diffRoutingCombinationCount: ("… (всего сочетаний: {count})", "… ({count} combinations)")
        case .diffRegimeAppeal: ("обращение", "appeal")
        case .diffRegimeMessage: ("сообщение", "message")
        case .explainHead: ("{verdict} {login} {action} на {date} ({case})", "{verdict} {login} {action} on {date} ({case})")
        case .explainCaseIn: ("сообщение или обращение в `{node}`, {assignee}", "case in `{node}`, {assignee}")
        case .explainAssignedTo: ("исполнитель {login}", "assigned to {login}")
        case .explainUnassigned: ("исполнитель не назначен", "unassigned")
        case .explainNoCase: ("без сообщения или обращения", "no case")
        case .explainLineGrant: ("  назначение: {grant}", "  grant:  {grant}")
        case .explainLineRule: ("  правило:    {rule}", "  rule:   {rule}")
        case .explainLineScope: ("  область:    {scope}", "  scope:  {scope}")
        case .explainLineVia: ("  основание:  {via}", "  via:    {via}")
        case .explainLineReason: ("  причина:    {reason}", "  reason: {reason}")
        case .explainGrant: ("роль {role} у {login} ({position})", "{role} to {login} ({position})")
        case .explainScopeAny: ("любое сообщение или обращение", "any case")
        case .explainScopeGranted: ("сообщение или обращение входит в {nodes}", "the case is inside {nodes}")
        case .explainScopeAssigned: ("сообщение или обращение назначено {login}", "the case is assigned to {login}")
        case .explainScopeAssignedAndGranted: ("сообщение или обращение назначено {login} и входит в {nodes}", "the case is assigned to {login} and inside {nodes}")
        case .explainWholeTree: ("весь классификатор", "the whole tree")
        case .explainVia:
            ("отсутствие №{absence} сотрудника {absentee} ({from} – {until}), право замещения: {position}",
             "absence #{absence} of {absentee} ({from} – {until}), eligibility at {position}")
        case .explainOpenEnded: ("без даты окончания", "open-ended")
        case .explainPassedOn:
            ("роль {role} у {absentee} ({position}) передана {login} на время отсутствия ({kind})",
             "{role} to {absentee} ({position}), passed on to {login} as {kind} for the absence")
        case .substituteKindExecutor: ("замещение исполнителя", "executor")
        case .substituteKindApprover: ("замещение утверждающего", "approver")
        case .denyNoGrant: ("ни одно назначение (`grant`) не называет `{login}`", "no grant names `{login}`")
        case .denyRoleLacksAction: ("роль {role} (назначение: {position}) не допускает `{action}`; {others}", "role {role} (grant at {position}) does not allow `{action}`; {others}")
        case .denyRolesAllowing: ("это действие допускают роли: {roles}", "roles that allow it: {roles}")
        case .denyNoRoleAllows: ("его не допускает ни одна роль", "no role allows it")
        case .denyNotYetValid: ("назначение ({position}) действует только с {from}", "grant at {position} is valid only from {from}")
        case .denyExpired: ("назначение ({position}) истекло: оно действовало по {until} включительно", "grant at {position} expired after {until} (valid until {until} inclusive)")
        case .denyNoCase:
            ("роль {role} допускает `{action}` только на сообщениях и обращениях `{scope}`, а сообщение или обращение не указано",
             "`{action}` is allowed to role {role} only on `{scope}` cases, and no case was given")
        case .denyNotInGrantedNodes: ("нет назначения на `{node}`: назначение роли {role} ({position}) охватывает {covered}", "no grant on `{node}`: grant {role} at {position} covers {covered}")
        case .denyNotAssigned:
            ("сообщение или обращение не назначено {login} ({assignee}); роль {role} допускает `{action}` только на `{scope}` ({position})",
             "case not assigned to {login} ({assignee}); role {role} allows `{action}` only on `{scope}` cases ({position})")
        case .denyNothing: ("ни одно назначение этого не разрешает", "no grant allows it")
        case .diffArgOld: ("Старая сторона: папка, файл или ревизия git.", "The old side: folder, file or git revision.")
        case .diffArgNew: ("Новая сторона: папка, файл или ревизия git.", "The new side: folder, file or git revision.")
        case .diffOptFailOn:
            ("Код 1, если отмечено: escalation (повышение прав), coverage (пробел в покрытии) или any (любой риск).",
             "Exit 1 when flagged: escalation, coverage, or any risk.")
        case .diffOptPolicy: ("Папка политики внутри репозитория — для ревизий git (по умолчанию Policies).", "The policy folder inside the repository, for git revisions (default: Policies).")
        case .diffOptPolicyDir: ("Устарело: используйте --policy.", "Deprecated: use --policy.")
        case .diffOptAt: ("На какую дату оценивать сроки действия назначений и замечания (по умолчанию сегодня).", "Judge validity and lint at this date (default: today).")
        case .diffOptDb:
            ("База данных lko: отметить и тех, кто теряет доступ к своим открытым сообщениям и обращениям.",
             "An lko database: also flag people losing access to open cases they hold.")
        case .diffSideNoRepository:
            ("`{reference}` — не файл, не папка и не ревизия git (текущая папка не в репозитории git)",
             "`{reference}` is neither a file, a folder nor a git revision (not inside a git repository)")
        case .diffSideNotRevision: ("`{reference}` — не файл, не папка и не ревизия git репозитория {root}", "`{reference}` is neither a file, a folder nor a git revision of {root}")
        case .diffRevisionNoFolder: ("в ревизии {reference} нет папки {directory}/ ({reason})", "revision {reference} has no folder {directory}/ ({reason})")
        case .diffArchiveUnreadable: ("не удаётся прочитать вывод git archive для {reference}:{directory}: {reason}", "cannot read the output of git archive for {reference}:{directory}: {reason}")
        case .diffRevisionNoFiles: ("в ревизии {reference} нет файлов .{extension} в {directory}/", "revision {reference} has no .{extension} files under {directory}/")
        case .diffGitCannotRun: ("не удаётся запустить git: {reason}", "cannot run git: {reason}")
        case .diffGitFailed: ("git {arguments}: ошибка{said}", "git {arguments} failed{said}")
        case .explainArgLogin: ("Логин, для которого принимается решение.", "The login asking.")
        case .explainArgAction: ("Действие, о котором спрашивают.", "The action asked about.")
        case .explainOptSubcategory:
            ("Подкатегория (`roads.potholes`) или факт (`roads.potholes.carriageway`) сообщения или обращения.",
             "The case's subcategory (`roads.potholes`) or fact (`roads.potholes.carriageway`).")
        case .explainOptCategory: ("Категория сообщения или обращения, если известна только она.", "The case's category, when the request names only a category.")
        case .explainOptAssignee:
            ("Логин исполнителя, которому назначено сообщение или обращение (не указывайте для неназначенного).",
             "The login the case is assigned to (omit for an unassigned case).")
        case .explainOptAt: ("Дата решения (по умолчанию сегодня).", "The date of the decision (default: today).")
        case .explainOptPolicy: ("Папка политики.", "The policy folder.")
        case .explainOptDb:
            ("Учесть и отсутствия из этой базы lko: права замещающего (`substitute … for …`) показываются вместе с отсутствием, из которого они следуют.",
             "Also apply the absences recorded in this lko database: an eligible substitute's rights (`substitute … for …`) show with the absence they come from.")
        case .applyAbstract: ("Проверить, протестировать и ввести в действие политику (нужно право manage_policy).", "Check, test and activate a policy (needs manage_policy).")
        case .applyDiscussion:
            ("Ошибки или непройденные тесты политики прерывают команду. Иначе печатается отчёт об изменениях относительно действующей версии, и новая версия атомарно вводится в действие: сохраняются исходные файлы, хеш содержимого, скомпилированные таблицы, кто, когда и комментарий. Повторное применение действующей политики ничего не меняет. Политика, после которой ни одна активная учётная запись не может manage_policy, отклоняется. С --server файлы локальной папки отправляются на сервер, который проверяет и вводит их в действие так же.",
             "Errors or failing policy tests abort. Otherwise prints the change against the active version and activates the new one atomically, storing its source, content hash, compiled tables, who, when and the message. Applying the active policy again changes nothing. A policy that leaves no active account able to manage_policy is refused. With --server the files of the local folder are sent to the server, which checks and activates them the same way.")
        case .applyOptMessage: ("Зачем: сохраняется с версией и в журнале аудита.", "Why: recorded with the version and in the audit log.")
        case .applyFlagYes:
            ("Подтвердить риски отчёта об изменениях (повышение прав, потеря управления политикой, потеря доступа) без вопроса; нужно, когда нет терминала.",
             "Confirm the risks of the change report (escalation, lockout, lost access) without asking; needed when not on a terminal.")
        case .historyAbstract: ("Версии политики, вводившиеся в действие, от ранних к поздним (нужно право manage_policy).", "List policy activations, oldest first (needs manage_policy).")
        case .showPolicyAbstract: ("Исходный текст сохранённой версии политики (по умолчанию действующей).", "Print the source of a stored policy version (default: the active one).")
        case .showPolicyArgVersion: ("Версия: её номер (N из vN) или начало её хеша.", "A version: its number (vN without the v), or a prefix of its hash.")
        case .showPolicyFlagTables: ("Вместо исходного текста напечатать скомпилированные таблицы в JSON.", "Print the compiled tables as JSON instead of the source.")
        case .showPolicyHeader: ("# версия v{id} {version}, сохранена {at}, автор {by}", "# version v{id} {version}, stored {at} by {by}")
        case .rollbackAbstract: ("Снова ввести в действие более раннюю версию политики (новое введение в действие, с записью в аудите).", "Re-activate an earlier policy version (a new, audited activation).")
        case .rollbackArgVersion: ("Версия, к которой вернуться (номер или начало хеша; по умолчанию предыдущая).", "The version to return to (number or hash prefix; default: the one before the active).")
        case .rollbackOptMessage: ("Зачем.", "Why.")
        // (end of section B templates)
        // section C templates
        case .optDb: ("База данных lko (по умолчанию $LKO_DB, иначе ./lko.sqlite).", "The lko database (default: $LKO_DB, else ./lko.sqlite).")
        case .optServer: ("Работать через API `lko serve` по этому адресу, а не с локальным файлом (по умолчанию $LKO_SERVER, если не указан --db).", "Work through the API of `lko serve` at this address instead of a local file (default: $LKO_SERVER unless --db is given).")
        case .optPolicy: ("Политика: папка файлов .lko (со всеми вложенными папками) или один файл; - читает один файл со стандартного ввода, где команда это допускает (по умолчанию Policies).", "The policy: a folder of .lko files (read with every subfolder) or one file; - reads one file from standard input where the command says so (default: Policies).")
        case .argPolicyDir: ("То же, что --policy (прежнее написание).", "The same as --policy (the older spelling).")
        case .optFormat: ("Вывод: text (для людей) или json (один документ с format_version); csv и markdown — где команда их поддерживает.", "Output: text (for people) or json (one document with format_version); csv and markdown where the command supports them.")
        case .flagJsonDeprecated: ("Устарело: используйте --format json.", "Deprecated: use --format json.")
        case .optCsvDialect: ("Вариант CSV: excel (BOM, `;`; по умолчанию на русском) или rfc4180 (`,`).", "CSV for: excel (BOM, `;`; the default in Russian) or rfc4180 (`,`).")
        case .optParserOverview: ("ОПИСАНИЕ:", "OVERVIEW:")
        case .optParserUsage: ("ВЫЗОВ:", "USAGE:")
        case .optParserArguments: ("АРГУМЕНТЫ:", "ARGUMENTS:")
        case .optParserOptions: ("ПАРАМЕТРЫ:", "OPTIONS:")
        case .optParserSubcommands: ("КОМАНДЫ:", "SUBCOMMANDS:")
        case .optParserSeeHelp: ("Подробнее: `{command} <subcommand>`.", "See '{command} <subcommand>' for detailed help.")
        case .optParserHelp: ("Показать справку.", "Show help information.")
        case .optParserVersion: ("Показать версию.", "Show the version.")
        case .optParserValues: ("значения", "values")
        case .optParserDefault: ("по умолчанию", "default")
        case .optLoginYours: ("Ваш логин.", "Your login.")
        case .flagPasswordStdin: ("Прочитать пароль из первой строки стандартного ввода.", "Read the password from the first line of standard input.")
        case .flagPrintToken: ("Напечатать токен в стандартный вывод, а не сохранять его.", "Print the token to standard output instead of saving it.")
        case .flagNewPasswordStdin: ("Прочитать новый пароль из первой строки стандартного ввода.", "Read the new password from the first line of standard input.")
        case .flagPasswordsStdin: ("Прочитать пароли из стандартного ввода, по одному в строке (свой: текущий, затем новый).", "Read the passwords from standard input, one a line (your own: current, then new).")
        case .optUserAbstract: ("Учётные записи (нужно право manage_users).", "Manage accounts (needs manage_users).")
        case .optUserAddAbstract: ("Добавить учётную запись.", "Add an account.")
        case .optUserListAbstract: ("Список учётных записей.", "List accounts.")
        case .optUserShowAbstract: ("Показать одну учётную запись.", "Show one account.")
        case .optUserDisableAbstract: ("Отключить учётную запись (её сеансы сразу завершаются); --handover-to сначала передаёт её открытые сообщения.", "Disable an account (its sessions end at once); --handover-to hands its open cases over first.")
        case .optUserEnableAbstract: ("Включить отключённую учётную запись.", "Enable a disabled account.")
        case .optUserUnlockAbstract: ("Снять блокировку после неудачных попыток входа.", "Lift the lock after repeated failed logins.")
        case .optUserRemoveAbstract: ("Удалить учётную запись, сохранив её для истории: имя остаётся во всех записях, войти нельзя, логин не выдаётся повторно (отказ, пока за ней открытые сообщения или она — ожидающий замещающий).", "Remove an account, keeping it as a tombstone: its name stays in every history line, it can never sign in, its login is never reused (refused while it holds open cases or is a pending substitute).")
        case .argLoginForGrants: ("Логин (как в назначениях политики).", "The login (as used in the policy's grants).")
        case .argLogin: ("Логин.", "The login.")
        case .argLoginDefaultYours: ("Логин (по умолчанию ваш).", "The login (default: yours).")
        case .optFullName: ("ФИО.", "Full name.")
        case .optPosition: ("Должность.", "Position.")
        case .optDepartment: ("Подразделение.", "Department.")
        case .optEmail: ("Электронная почта.", "E-mail.")
        case .optHandoverTo: ("Переназначить все открытые сообщения и обращения учётной записи на этот логин через проверку прав (каждое — с записью в аудите), затем отключить. При отказе сообщение назовёт, кто может их принять.", "Reassign every open case of the account to this login through the enforcement gate (each audited), then disable. Refused: the message lists who could take them.")
        case .optInitAbstract: ("Создать базу данных lko и первого Администратора ЛКО.", "Create the lko database and its first administrator.")
        case .optInitDiscussion: ("Создаёт файл SQLite (права 0600, WAL) — или, для адреса postgres://…?organization=ИД, схему организации в региональной базе PostgreSQL — и учётную запись администратора со всеми административными правами до первого `lko apply`; после него решает только действующая политика. Существующий файл не трогает.\n\n--sandbox создаёт учебную базу для репетиций, где LKO_NOW=2026-03-02T09:00 может сдвинуть часы; рабочая база этого не допускает.", "Creates the SQLite file (mode 0600, WAL) — or, for a postgres://…?organization=ID address, the organization's schema in the regional PostgreSQL database — and an administrator account that holds every administrative right until the first `lko apply`; from then on only the active policy decides. Never touches an existing file.\n\n--sandbox makes a rehearsal/training database where LKO_NOW=2026-03-02T09:00 may move the clock; a production database refuses that.")
        case .optInitLogin: ("Логин администратора (как в назначениях политики).", "The administrator's login (as used in the policy's grants).")
        case .optInitFullName: ("ФИО администратора.", "The administrator's full name.")
        case .optInitPosition: ("Должность, например «Системный администратор финансового отдела».", "Position, e.g. «Системный администратор финансового отдела».")
        case .flagSandbox: ("Создать учебную базу (LKO_NOW может сдвигать её часы).", "Create a sandbox database (LKO_NOW may move its clock).")
        case .optInitAuditKey: ("Где создать ключ подписи контрольных точек аудита (по умолчанию путь базы + .audit-key); храните его отдельно от резервных копий базы.", "Where to create the audit checkpoint signing key (default: the database path + .audit-key); keep it away from the database's backups.")
        case .optServeAbstract: ("Запустить службу lko: JSON API и консоль сотрудников над одной базой.", "Run the lko service: the JSON API and the staff console over one database.")
        case .optServeDiscussion: ("Каждый входит под своей учётной записью (теми же, что в `lko login`); каждое действие проходит ту же проверку, что и в CLI. По умолчанию слушает только локальный адрес: для TLS поставьте перед службой nginx (docs/deploy.md). Корректно останавливается по SIGTERM или Ctrl-C. Администрирование через CLI на той же машине работает с тем же файлом.\n\n  lko serve --db /var/lib/lko/lko.sqlite --listen 127.0.0.1:8080", "Every person logs in as themselves (the same accounts as `lko login`); every action goes through the same gate as the CLI. Listens on loopback by default: put nginx in front for TLS (docs/deploy.md). Stops gracefully on SIGTERM or Ctrl-C. CLI administration on the same machine keeps working against the same file.\n\n  lko serve --db /var/lib/lko/lko.sqlite --listen 127.0.0.1:8080")
        case .optListen: ("Адрес и порт (порт 0 — любой свободный).", "Address and port to listen on (port 0: any free port).")
        case .flagBehindTlsProxy: ("Перед службой прокси TLS, передающий X-Forwarded-Proto: https, — cookie получают Secure и префикс __Host-.", "A TLS proxy in front says X-Forwarded-Proto: https — cookies get Secure and the __Host- prefix.")
        case .optAddressFile: ("Записать адрес в этот файл, когда служба запустится (для скриптов).", "Write the listening address to this file once the server is up (for scripts).")
        case .optCheckpointDir: ("Папка подписанных контрольных точек аудита: каждые 15 минут и при остановке (по умолчанию путь базы + .checkpoints).", "Signed audit checkpoints go here every 15 minutes and at shutdown (default: the database path + .checkpoints).")
        case .optServeAuditKey: ("Ключ подписи контрольных точек (по умолчанию путь базы + .audit-key).", "The checkpoint signing key (default: the database path + .audit-key).")
        case .optBackupAbstract: ("Скопировать базу во время работы (онлайн-копирование SQLite): согласованный снимок.", "Copy the database while it is in use (SQLite's online backup): a consistent snapshot.")
        case .optBackupDiscussion: ("Безопасно при работающем `lko serve`: копия — одно согласованное состояние базы, записанное в новый файл с правами 0600 и проверенное integrity_check. Восстановление: остановить службу и положить копию на место базы (docs/deploy.md).\n\n  lko backup --db /var/lib/lko/lko.sqlite /var/backups/lko/lko-$(date +%F).sqlite", "Safe while `lko serve` runs: the copy is one consistent state of the database, written to a new file with mode 0600 and checked with integrity_check. Restore by stopping the server and putting the copy in place of the database (docs/deploy.md).\n\n  lko backup --db /var/lib/lko/lko.sqlite /var/backups/lko/lko-$(date +%F).sqlite")
        case .argBackupDestination: ("Новый файл копии (не должен существовать).", "The new file to write (must not exist).")
        case .optPosAbstract: ("Настоящая ПОС: загрузка выгрузки, мониторинг, сверка с политикой, лист настройки ЛКО.", "The real ПОС: import its export, monitor, compare with the policy, print the ЛКО configuration sheet.")
        case .optPosDiscussion: ("  lko pos import vygruzka.xlsx          снимок «Выгрузки» ЛКО (.xlsx или .csv)\n  lko pos monitor                       ежедневный «Мониторинг» по исполнителям\n  lko pos drift --format markdown       что произошло вопреки политике\n  lko pos sheet --format html --out lko.html    что настроить в ЛКО\n  lko pos sheet --since last            изменения с последней отмеченной версии\n  lko pos applied sha256:0e22…          отметить: ЛКО соответствует этой версии", "  lko pos import vygruzka.xlsx          a snapshot of the ЛКО's «Выгрузка» (.xlsx or .csv)\n  lko pos monitor                       the daily «Мониторинг» per executor\n  lko pos drift --format markdown       what happened against the policy\n  lko pos sheet --format html --out lko.html    what to set in the ЛКО\n  lko pos sheet --since last            only the changes since the version last set\n  lko pos applied sha256:0e22…          record that the ЛКО now matches that version")
        case .optPosImportAbstract: ("Загрузить выгрузку ПОС (.xlsx или .csv) как снимок (нужно право assign или manage_policy).", "Import a ПОС export (.xlsx or .csv) as a snapshot (needs assign or manage_policy).")
        case .optPosImportDiscussion: ("Код 1, если в строках были ошибки (они перечисляются с номерами строк; остальные строки сохраняются).", "Exit status 1 when rows had errors (they are listed with their row numbers; the other rows are stored).")
        case .argPosExportFile: ("Выгрузка: .xlsx или .csv.", "The export: .xlsx or .csv.")
        case .optPosAsOf: ("День скачивания выгрузки, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию сегодня); им датируются события без своей даты.", "The day the export was downloaded, DD.MM.YYYY or YYYY-MM-DD (default: today); dates events that have no date of their own.")
        case .optPosShow: ("Сколько ошибок в строках показать.", "How many row problems to list (default 50).")
        case .optPosMonitorAbstract: ("Ежедневный «Мониторинг» по исполнителям из последнего снимка (нужно право report).", "The daily «Мониторинг» per executor from the latest snapshot (needs report).")
        case .optPosMonitorAt: ("День, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию день последней выгрузки).", "The day, DD.MM.YYYY or YYYY-MM-DD (default: the latest export's day).")
        case .optPosFormat: ("Формат вывода.", "text, markdown, json or csv.")
        case .optPosDriftAbstract: ("Что произошло в ПОС вопреки политике: права, фаст-треки, сроки, автоправила, просрочка (нужно право report).", "What happened in ПОС against the policy: rights, fast-tracks, terms, auto-rules, overdue (needs report).")
        case .optPosDriftDiscussion: ("Код 1, если есть находки.", "Exit status 1 when there are findings.")
        case .optPosFrom: ("Строки, поступившие в этот день или позже (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД).", "Rows received on or after this day (DD.MM.YYYY or YYYY-MM-DD).")
        case .optPosTo: ("Строки, поступившие в этот день или раньше (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); на него считается просрочка.", "Rows received on or before this day (DD.MM.YYYY or YYYY-MM-DD); overdue is counted on it.")
        case .optPosEventsAbstract: ("Изменения статусов и ответственных между снимками (нужно право report).", "Status and person changes between snapshots (needs report).")
        case .argPosNumber: ("Номер ПОС (по умолчанию все).", "A ПОС number (default: all).")
        case .optPosSheetAbstract: ("Лист настройки ЛКО на русском: карта маршрутизации, пользователи и роли, исполнители, автоправила, фаст-треки (нужно право manage_policy или report).", "The ЛКО configuration sheet in Russian: routing map, users and roles, executors, auto-rules, fast-tracks (needs manage_policy or report).")
        case .optPosSheetDiscussion: ("--format html — для печати (со стилями печати); --since last — только то, что изменить в ЛКО после `lko pos applied`.", "  lko pos sheet --format html --out lko-sheet.html     printable (print CSS)\n  lko pos sheet --since last                           only what to change since `lko pos applied`")
        case .optSheetFormat: ("Формат листа.", "markdown, html or json.")
        case .optSheetSince: ("Только изменения с этой версии политики (версия, её префикс или `last`).", "List only the changes since this policy version (a version, its prefix, or `last`).")
        case .optOutFile: ("Записать в этот файл вместо стандартного вывода.", "Write to this file instead of standard output.")
        case .optSheetMap: ("Также записать карту маршрутизации в файл SVG (Markdown тогда ссылается на него).", "Also write the routing map as an SVG file (Markdown then links to it).")
        case .optPosAppliedAbstract: ("Отметить, что ЛКО теперь соответствует версии политики (нужно право manage_policy; с записью в аудите).", "Record that the ЛКО now matches a policy version (needs manage_policy; audited).")
        case .argPosAppliedVersion: ("Версия политики, настроенная в ЛКО (версия или её префикс).", "The policy version set in the ЛКО (a version or its prefix).")
        case .optPosGenerateAbstract: ("Записать правдоподобную выгрузку ПОС по действующей политике (репетиции, замеры).", "Write a realistic ПОС export under the active policy (rehearsals, measurements).")
        case .optPosRows: ("Число строк.", "Rows.")
        case .optPosSeed: ("Зерно случайных чисел.", "Random seed.")
        case .optPosGenerateAsOf: ("День выгрузки, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию сегодня).", "The export's day, DD.MM.YYYY or YYYY-MM-DD (default: today).")
        case .flagPosCsv: ("Записать CSV вместо xlsx.", "Write CSV instead of xlsx.")
        case .flagPosClean: ("Без «грязных» строк (объединённая строка заголовка, пробелы, ё, пустая строка, дата текстом).", "No messy rows (merged title row, spaces, ё, an empty row, a date as text).")
        case .optPosOut: ("Файл для записи.", "The file to write.")
        case .optAccessAbstract: ("Кто что может: who-can и пересмотр прав (матрица доступа).", "Who can do what: who-can, and the access review (матрица доступа).")
        case .optAccessWhoCanAbstract: ("Все, кто может выполнить ACTION над сообщением в SUBCATEGORY, и на каком основании (назначение или замещение).", "Everyone who may do ACTION on a case in SUBCATEGORY, and through what (grant or absence).")
        case .argAction: ("Действие, например approve.", "The action, e.g. approve.")
        case .argSubcategory: ("Путь подкатегории (или факта), например roads.potholes.", "The subcategory (or fact) path, e.g. roads.potholes.")
        case .optDay: ("День, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию сегодня).", "The day, DD.MM.YYYY or YYYY-MM-DD (default: today).")
        case .optAccessReviewAbstract: ("Матрица доступа: у каждого сотрудника все права с их источником и что изменилось с последнего сохранённого пересмотра.", "The матрица доступа: per person every right with its source, and what changed since the last recorded review.")
        case .optAccessReviewDiscussion: ("--record сохраняет этот пересмотр в базе (с записью в аудите), чтобы следующий сравнивался с ним.", "--record keeps this review in the database (audited), for the next one to compare with.")
        case .optAccessReviewFormat: ("Формат вывода.", "markdown (default), csv or json.")
        case .flagAccessRecord: ("Сохранить этот пересмотр в базе (с записью в аудите).", "Record this review in the database (audited).")
        case .argShell: ("Оболочка.", "bash, zsh or fish.")
        case .optManualOut: ("Записать страницу в этот файл (например /usr/local/share/man/man1/lko.1) вместо стандартного вывода.", "Write the page to this file (e.g. /usr/local/share/man/man1/lko.1) instead of standard output.")
        case .flagStrict: ("Считать предупреждения ошибками.", "Treat warnings as errors.")
        case .optCheckAt: ("Дата, на которую проверять истечение назначений, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию сегодня в часовом поясе организации).", "Judge expired grants as of this date, DD.MM.YYYY or YYYY-MM-DD (default: today in the organization's time zone).")
        case .optCheckDb: ("Также сверить политику с учётными записями этой базы lko: назначения и допуски замещающих, где названы отключённые, удалённые или отсутствующие учётные записи (W0511).", "Also check the policy against the accounts of this lko database: grants and eligibility naming disabled, removed or missing accounts (W0511).")
        case .optTestAt: ("Дата для проверок, где она не указана, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию сегодня).", "The date for expectations that give none, DD.MM.YYYY or YYYY-MM-DD (default: today).")
        case .flagTestVerbose: ("Показывать и пройденные проверки.", "List passing expectations too.")
        case .flagFmtCheck: ("Ничего не менять; перечислить неотформатированные файлы и завершиться с кодом 1, если они есть.", "Change nothing; list the files that are not formatted and exit 1 if any.")
        case .flagFmtDiff: ("Ничего не менять; напечатать изменения как unified diff и завершиться с кодом 1, если они есть.", "Change nothing; print what would change as a unified diff and exit 1 if anything would.")
        case .optDeadlineFrom: ("День поступления сообщения на модерацию, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.", "The day the case entered moderation, DD.MM.YYYY or YYYY-MM-DD.")
        case .optDeadlineDays: ("Срок в днях (1…366).", "The term, in days (1…366).")
        case .flagWorkingDays: ("Считать рабочие дни, а не календарные.", "Count working days instead of calendar days.")
        case .flagNextWorkingDay: ("Правило Гражданского кодекса (следующий рабочий день) вместо правила распоряжения (предыдущий).", "Use the Civil Code's rule (the next working day) instead of the order's (the preceding one).")
        case .optExtend: ("Дни продления (0…30).", "Days added by an extension (0…30).")
        case .flagDeadlineExplain: ("Показать каждый рассмотренный день и почему он рабочий или нет.", "Show each day examined and why it is or is not working.")
        case .optDeadlinePolicy: ("Также применить дополнения `calendar { … }` этой политики (новый год, новое постановление).", "Also apply this policy's `calendar { … }` additions (a new year, a new decree).")
        case .optCompileAbstract: ("Скомпилировать политику в таблицы разрешений.", "Compile a policy into permission tables.")
        case .optCompileDiscussion: ("Таблицы (описаны в docs/tables.md) — то, что читает проверка прав: роли, действия, классификатор с действующими сроками, назначения, итоговые разрешения, автоправила, фаст-треки, таблица маршрутизации, дополнения календаря и места в исходных файлах. Вывод детерминирован: одна и та же политика даёт побайтно одинаковые файлы. Версия — SHA-256 таблиц без мест в исходных файлах, поэтому переформатирование её не меняет.\n\n  lko compile --out tables.sqlite     база SQLite (по таблице на таблицу)\n  lko compile --out tables.json       JSON\n  lko compile --format json           JSON в стандартный вывод\n  lko compile --bundle policy.lkob    пакет для `lko authorize --bundle`\n\nПакет содержит то, что нужно для решений (логины, узлы, блоки решений), с версией формата, контрольной суммой и хешем текста политики, поэтому `lko authorize` отвергает его, если он повреждён, другой версии или устарел относительно --policy.\n\nКоды: 0 скомпилировано, 1 в политике ошибки или вывод не записывается.", "The tables (documented in docs/tables.md) are what enforcement reads: roles, actions, the category tree with effective terms, grants, effective permissions, auto-rules, fast-tracks, the routing decision table, calendar additions and source positions. The output is deterministic: the same policy gives byte-identical files. The version is a SHA-256 of the tables without source positions, so reformatting keeps it.\n\n  lko compile --out tables.sqlite     SQLite database (one table per table)\n  lko compile --out tables.json       JSON\n  lko compile --format json           JSON to standard output\n  lko compile --bundle policy.lkob    the decision bundle for `lko authorize --bundle`\n\nThe bundle holds what decisions need (logins, nodes, the decision blocks) with its format version, a checksum and the policy text's content hash, so `lko authorize` refuses it when it is damaged, of another version, or stale against --policy.\n\nExit status: 0 compiled, 1 the policy has errors or the output cannot be written.")
        case .optCompileOut: ("Записать таблицы сюда: *.sqlite / *.db — как SQLite, иначе как JSON. Файл заменяется.", "Write the tables here: *.sqlite / *.db as SQLite, anything else as JSON. Replaces the file.")
        case .optCompileBundle: ("Записать сюда пакет решений для `lko authorize --bundle`. Файл заменяется.", "Write the decision bundle for `lko authorize --bundle` here. Replaces the file.")
        case .optCompileFormat: ("Вывод: text (сводка, по умолчанию) или json (таблицы, в стандартный вывод).", "Output: text (a summary, the default) or json (the tables, to standard output).")
        case .optAuthorizeAbstract: ("Решить поток запросов (JSON Lines) по политике.", "Decide a stream of requests (JSON Lines) against a policy.")
        case .optAuthorizeDiscussion: ("Каждая строка на входе — {\"user\",\"action\",\"case_id\",\"category\",\"subcategory\",\"assignee\"} (assignee может быть null; subcategory — идентификатор или полный путь). Каждая строка на выходе — {\"case_id\":…,\"decision\":\"allow\"|\"deny\"}, в порядке входа, с теми же ответами, что у `lko explain`. Строка, которую нельзя прочитать или которая называет неизвестное действие или узел, даёт на своём месте {\"line\":N,\"error\":\"…\"} и сообщение в стандартный поток ошибок; пустые строки пропускаются.\n\nС --bundle решения берутся из пакета, сделанного `lko compile --bundle FILE` (читается одним чтением, без компиляции). Файл, который не является пакетом, пакет другой версии формата, обрезанный или изменённый отвергается; вместе с --policy — и пакет, скомпилированный не из того текста политики, что в папке (устаревший).\n\n  lko authorize --policy Policies --requests requests.jsonl > decisions.jsonl\n  lko authorize --bundle policy.lkob --requests requests.jsonl > decisions.jsonl\n  lko authorize --bundle policy.lkob --policy Policies --requests -  < requests.jsonl\n\nКоды: 0 все строки решены, 1 есть плохие строки, в политике ошибки или пакет отвергнут, 2 неверный вызов.", "Each input line is {\"user\",\"action\",\"case_id\",\"category\",\"subcategory\",\"assignee\"} (assignee may be null; subcategory may be a bare id or a full path). Each output line is {\"case_id\":…,\"decision\":\"allow\"|\"deny\"}, in input order, with the same answers as `lko explain`. A line that cannot be read, or names an unknown action or node, gives {\"line\":N,\"error\":\"…\"} in its place and a message on standard error; blank lines are skipped.\n\nWith --bundle, the decisions come from a bundle made by `lko compile --bundle FILE` (loaded with one read, no compiling). A bundle that is not one, of another format version, truncated or altered is refused; with --policy as well, so is a bundle compiled from other policy text than the folder's (stale).\n\n  lko authorize --policy Policies --requests requests.jsonl > decisions.jsonl\n  lko authorize --bundle policy.lkob --requests requests.jsonl > decisions.jsonl\n  lko authorize --bundle policy.lkob --policy Policies --requests -  < requests.jsonl\n\nExit status: 0 all lines decided, 1 some lines were bad, the policy has errors or the bundle was refused, 2 wrong usage.")
        case .optAuthorizePolicy: ("Папка политики (по умолчанию Policies). С --bundle — папка, из которой должен быть скомпилирован пакет.", "The policy folder (default: Policies). With --bundle: the folder the bundle must have been compiled from.")
        case .optAuthorizeBundle: ("Решать по этому скомпилированному пакету (`lko compile --bundle FILE`), не компилируя политику.", "Decide with this compiled bundle (`lko compile --bundle FILE`) instead of compiling the policy.")
        case .optAuthorizeRequests: ("Файл запросов или - для стандартного ввода.", "The requests file, or - for standard input.")
        case .optAuthorizeAt: ("Дата всех решений (по умолчанию сегодня).", "The date of every decision (default: today).")
        case .parserUnknownOption: ("неизвестный параметр `{option}`", "Unknown option '{option}'")
        case .parserUnknownOptionSuggestion: ("неизвестный параметр `{option}`; возможно, вы имели в виду `{suggestion}`?", "Unknown option '{option}'. Did you mean '{suggestion}'?")
        case .parserUnexpectedArgument: ("лишний аргумент «{value}»", "Unexpected argument '{value}'")
        case .parserUnexpectedArguments: ("лишние аргументы ({count}): {values}", "{count} unexpected arguments: {values}")
        case .parserMissingArgument: ("не указан аргумент `{argument}`", "Missing expected argument '{argument}'")
        case .parserMissingOption: ("не указан обязательный параметр `{argument}`", "Missing expected argument '{argument}'")
        case .parserMissingValue: ("не указано значение `{option}`", "Missing value for '{option}'")
        case .parserMissingValueComposite: ("{unknown}\n   или: не указано значение `{option}` в `{composite}`", "{unknown}\n   or: Missing value for '{option}' in '{composite}'")
        case .parserInvalidValue: ("значение «{value}» не подходит для `{target}`{tail}", "The value '{value}' is invalid for '{target}'{tail}")
        case .parserPossibleValues: ("; возможные значения: {values}", ". Please provide one of {values}.")
        case .parserPossibleValuesList: ("; возможные значения:\n{values}", ". Please provide one of the following:\n{values}")
        case .parserDateForms: ("; пишите дату как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД", "; write the date as DD.MM.YYYY or YYYY-MM-DD")
        case .parserValueNotTaken: ("параметр `{option}` не принимает значения, а указано «{value}»", "The option '{option}' does not take any value, but '{value}' was specified.")
        case .parserInvalidOption: ("недопустимый параметр `{option}`", "Invalid option: {option}")
        case .cliDbOrServer: ("укажите либо --db (локальный файл), либо --server (сервер lko), но не оба", "give either --db (the local file) or --server (an lko server), not both")
        case .cliListenAddress: ("--listen: нужно ХОСТ:ПОРТ, например 127.0.0.1:8080", "--listen must be HOST:PORT, e.g. 127.0.0.1:8080")
        case .cliNowUnreadable: ("LKO_NOW={text} — не время вида 2026-03-02T09:00 (UTC)", "LKO_NOW={text} is not a time like 2026-03-02T09:00 (UTC)")
        case .cliSessionFileUnwritable: ("не удаётся записать файл сеанса {path}", "cannot write the session file {path}")
        case .cliPasswordHashingFailed: ("не удалось вычислить хеш пароля: {reason}", "password hashing failed: {reason}")
        case .cliHandoverLocalOnly: ("--handover-to работает только с локальным файлом базы (без --server)", "--handover-to works on the local database file (no --server)")
        case .cliAccessLocalOnly: ("`lko access` работает только с локальным файлом базы; запустите её там, где лежит база (без --server)", "`lko access` works on the local database file; run it where the database is (no --server)")
        case .cliNobodyMay: ("никто не может выполнить {action} в {subcategory}", "nobody may {action} in {subcategory}")
        case .cliAccessRecorded: ("пересмотр прав сохранён: № {id} ({digest}…)", "recorded access review #{id} ({digest}…)")
        case .cliColorValues: ("--color: auto, always или never", "--color: auto, always or never")
        case .cliPolicyGivenTwice: ("политика указана дважды (--policy {option} и {positional}); укажите её один раз", "the policy is given twice (--policy {option} and {positional}); give it once")
        case .cliDaysRange: ("--days: от 1 до {max}, а указано {value}", "--days must be 1…{max}, got {value}")
        case .cliExtendRange: ("--extend: от 0 до {max}, а указано {value}", "--extend must be 0…{max}, got {value}")
        case .cliCompileFormatUnsupported: ("--format {format} здесь не поддерживается: выберите text или json", "--format {format} is not supported here: use text or json")
        case .cliCompileJsonAndOut: ("--format json и --out исключают друг друга: выберите один вывод", "--format json and --out exclude each other: choose one output")
        case .cliCompileWrittenTo: ("записано: {paths}", "written to {paths}")
        case .cliTablesSummary: ("версия политики {version}\n  организация    {organization}\n  роли           {roles} ({role_ids})\n  дерево         категорий: {categories}, подкатегорий: {subcategories} (ускоренных: {accelerated}), фактов: {facts}\n  назначения     {grants}, логинов: {logins}\n  разрешения     строк: {permissions}\n  маршрутизация  фаст-треков: {fast_tracks}, автоправил: {auto_rules}, строк маршрутов: {routes}\n  календарь      переопределённых дней: {overrides}, добавленных лет: {years}", "policy version {version}\n  organization  {organization}\n  roles         {roles} ({role_ids})\n  tree          {categories} categories, {subcategories} subcategories ({accelerated} accelerated), {facts} facts\n  grants        {grants} to {logins} logins\n  permissions   {permissions} rows\n  routing       {fast_tracks} fast-tracks, {auto_rules} auto-rules, {routes} route rows\n  calendar      {overrides} day overrides, {years} added years")
        case .cliBackupWritten: ("копия записана: {path} (страниц: {pages}, проверка целостности: {integrity})", "backup written: {path} ({pages} pages, integrity {integrity})")
        case .cliServeListening: ("lko serve: слушает http://{address} (база {path}); остановить — Ctrl-C", "lko serve: listening on http://{address} (database {path}); Ctrl-C stops")
        case .cliInitCreated: ("создана база {path}{sandbox} с администратором {login}; дальше: `lko login --login {login}`, затем `lko apply`", "created {path}{sandbox} with administrator {login}; next: `lko login --login {login}`, then `lko apply`")
        case .cliInitSandbox: (" (учебная)", " (sandbox)")
        case .cliInitAuditKey: ("ключ подписи контрольных точек аудита: {path} (права 0600; не в базе)", "audit checkpoint key: {path} (mode 0600; not in the database)")
        case .cliWritten: ("записано: {path}", "written: {path}")
        case .cliPosGenerated: ("записано: {path} (строк: {rows}, байт: {bytes})", "written: {path} ({rows} rows, {bytes} bytes)")
        case .cliPosFileTooLarge: ("{path}: файл больше 256 МиБ — это не выгрузка ПОС", "{path}: the file is larger than 256 MiB — not a ПОС export")
        case .cliPosFileUnreadable: ("{path}: файл не читается", "{path}: the file cannot be read")
        case .cliPosApplied: ("ЛКО настроен по версии {version}; следующий `lko pos sheet --since last` покажет изменения после неё.", "The ЛКО now matches version {version}; the next `lko pos sheet --since last` shows the changes after it.")
        case .cliCalendarUnreadable: ("встроенный производственный календарь не читается: {reason}", "the shipped production calendar cannot be read: {reason}")
        case .cliCalendarAdditions: ("дополнения календаря из политики не применяются: {reason}", "the policy's calendar additions cannot be applied: {reason}")
        case .cliCalendarNotCovered: ("производственный календарь не охватывает {year} год: прежде чем считать в нём сроки, добавьте постановление о переносе выходных дней на этот год — встроенный календарь охватывает {years}; новый год добавляется блоком `calendar { year … }` в политике", "the production calendar does not cover {year}: add that year's transfer decree before computing dates in it — the shipped calendar covers {years}; a new year is added with a `calendar { year … }` block in the policy")
        case .cliDelegationLine: ("замещение: {line}", "delegation: {line}")
        case .cliPendingAbsencesFailed: ("не удалось обработать ожидающие отсутствия: {reason}", "pending absences could not be processed: {reason}")
        case .cliManualSeeAlso: ("docs/cli.md, docs/policy-language.md, docs/workflow.md в репозитории lko.", "docs/cli.md, docs/policy-language.md, docs/workflow.md in the lko repository.")
        case .cliServerAddress: ("--server {text}: это не адрес сервера вида http://127.0.0.1:8080 или https://lko.example.ru", "--server {text}: not a server address like http://127.0.0.1:8080 or https://lko.example.ru")
        case .cliServerBadAddress: ("неверный адрес сервера {address}", "bad server address {address}")
        case .cliServerBadRequest: ("неверный адрес запроса для {path}", "bad request address for {path}")
        case .cliServerUnreadableAnswer: ("сервер {address} прислал ответ, который этот lko не может прочитать ({request}): {reason}; та же ли у сервера версия lko?", "the server at {address} sent an answer this lko cannot read ({request}): {reason}; is it the same version of lko?")
        case .cliServerNoAnswer: ("сервер {address} не дал ответа HTTP", "the server at {address} gave no HTTP answer")
        case .cliServerHTTPStatus: ("сервер {address} ответил HTTP {status}{text}", "the server at {address} answered HTTP {status}{text}")
        case .cliServerFailed: ("сбой на сервере {address} (HTTP {status}): {reason}", "the server at {address} failed (HTTP {status}): {reason}")
        case .cliServerUnreachable: ("не удаётся связаться с сервером lko {address}: {reason}", "cannot reach the lko server at {address}: {reason}")
        case .cliNetTimeout: ("нет ответа за {seconds} с", "no answer within {seconds} s")
        case .cliNetRefused: ("соединение отклонено — запущен ли там `lko serve`?", "connection refused — is `lko serve` running there?")
        case .cliNetUnknownHost: ("неизвестный узел", "unknown host")
        case .cliNetLost: ("соединение прервалось", "the connection was lost")
        case .cliNetTLS: ("ошибка TLS: {reason}", "TLS failed: {reason}")
        // (end of section C templates)
        // section D templates
        case .diagSeverityError: ("ошибка", "error")
        case .diagSeverityWarning: ("предупреждение", "warning")
        case .diagNoteWord: ("примечание", "note")
        case .diagHelpWord: ("подсказка", "help")
        case .diagNoLocation: ("<вне файлов политики>", "<built-in>")
        case .diagAndMore: (" и ещё {count}", " and {count} more")
        case .diagTitleE0001: ("файл не в кодировке UTF-8", "file is not valid UTF-8")
        case .diagTitleE0002: ("недопустимый символ", "unexpected character")
        case .diagTitleE0003: ("незакрытая строка", "unterminated string")
        case .diagTitleE0004: ("недопустимая дата", "invalid date")
        case .diagTitleE0005: ("недопустимое число", "invalid number")
        case .diagTitleE0010: ("не то, что ожидалось", "unexpected token")
        case .diagTitleE0011: ("неизвестное объявление", "unknown declaration")
        case .diagTitleE0012: ("неизвестная инструкция в блоке", "unknown statement in a block")
        case .diagTitleE0013: ("блок не закрыт", "block is not closed")
        case .diagTitleE0014: ("файл не читается", "file cannot be read")
        case .diagTitleE0015: ("нет файлов политики", "no policy files")
        case .diagTitleE0101: ("имя объявлено дважды", "name declared twice")
        case .diagTitleE0102: ("неизвестная роль", "unknown role")
        case .diagTitleE0103: ("неизвестное действие", "unknown action")
        case .diagTitleE0104: ("неизвестная категория, подкатегория или факт", "unknown category, subcategory or fact")
        case .diagTitleE0105: ("неизвестная область", "unknown scope")
        case .diagTitleE0106: ("неизвестный режим", "unknown regime")
        case .diagTitleE0107: ("неизвестный канал", "unknown channel")
        case .diagTitleE0108: ("неизвестное значение параметра", "unknown setting value")
        case .diagTitleE0110: ("элемент классификатора не того уровня", "node of the wrong level")
        case .diagTitleE0111: ("организация объявлена дважды", "organization declared twice")
        case .diagTitleE0112: ("организация не объявлена", "no organization declared")
        case .diagTitleE0201: ("срок вне допустимого диапазона", "term out of range")
        case .diagTitleE0202: ("ускоренный срок больше 10 календарных дней", "accelerated term over 10 calendar days")
        case .diagTitleE0203: ("срок фаст-трека дольше срока категории", "fast-track term longer than its category's")
        case .diagTitleE0204: ("назначение заканчивается раньше, чем начинается", "grant validity ends before it starts")
        case .diagTitleE0205: ("административному действию нужна область `any`", "administrative action needs scope `any`")
        case .diagTitleE0206: ("условие указано дважды", "condition given twice")
        case .diagTitleE0207: ("приоритет вне допустимого диапазона", "priority out of range")
        case .diagTitleE0208: ("неизвестный часовой пояс", "unknown time zone")
        case .diagTitleE0209: ("недопустимая запись календаря", "invalid calendar entry")
        case .diagTitleE0210: ("недопустимое право замещения", "invalid substitute eligibility")
        case .diagTitleE0211: ("недопустимое принятие замечания", "invalid accepted finding")
        case .diagTitleE0301: ("адресат правила не исполнитель там, куда правило направляет", "target is not an executor for what the rule matches")
        case .diagTitleE0302: ("фаст-трек не проверяет ни источник, ни подкатегорию", "fast-track matches neither source nor subcategory")
        case .diagTitleE0303: ("у правила нет адресата", "rule has no target")
        case .diagTitleE0401: ("недопустимое описание сообщения или обращения", "invalid case description")
        case .diagTitleW0501: ("правило никогда не сработает", "rule can never fire")
        case .diagTitleW0502: ("правила с одинаковым приоритетом пересекаются", "rules of equal priority overlap")
        case .diagTitleW0503: ("подкатегория без маршрута и исполнителя", "subcategory without route or executor")
        case .diagTitleW0504: ("назначение уже истекло", "grant already expired")
        case .diagTitleW0505: ("роль никому не назначена", "role never granted")
        case .diagTitleW0506: ("один сотрудник может и готовить, и утверждать", "one person may draft and approve")
        case .diagTitleW0507: ("роль ничего не разрешает", "role allows nothing")
        case .diagTitleW0508: ("право замещения не называет никого, кого знает политика", "substitute eligibility names nobody the policy knows")
        case .diagTitleW0509: ("область, которую не покрывает ни один замещающий", "scope no eligible substitute covers")
        case .diagTitleW0510: ("принятое замечание ни с чем не совпадает", "accepted finding matches nothing")
        case .diagTitleW0511: ("политика называет отключённую учётную запись", "policy names a disabled account")
        case .diagSuggestRoles: ("объявленные роли: {list}", "declared roles: {list}")
        case .diagSuggestNoRole: ("не объявлено ни одной роли", "no role is declared")
        case .diagSuggestActions: ("возможные действия: {list}", "declared actions: {list}")
        case .diagSuggestNoAction: ("действий нет", "no action is declared")
        case .diagSuggestScopes: ("возможные области: {list}", "declared scopes: {list}")
        case .diagSuggestNoScope: ("областей нет", "no scope is declared")
        case .diagSuggestRegimes: ("возможные режимы: {list}", "declared regimes: {list}")
        case .diagSuggestNoRegime: ("режимов нет", "no regime is declared")
        case .diagSuggestChannels: ("возможные каналы: {list}", "declared channels: {list}")
        case .diagSuggestNoChannel: ("каналов нет", "no channel is declared")
        case .diagSuggestDeadlineRules: ("возможные правила окончания срока: {list}", "declared deadline rules: {list}")
        case .diagSuggestNoDeadlineRule: ("правил окончания срока нет", "no deadline rule is declared")
        case .diagSuggestCategories: ("объявленные категории: {list}", "declared categories: {list}")
        case .diagSuggestNoCategory: ("не объявлено ни одной категории", "no category is declared")
        case .diagSuggestSubcategories: ("объявленные подкатегории: {list}", "declared subcategories: {list}")
        case .diagSuggestNoSubcategory: ("не объявлено ни одной подкатегории", "no subcategory is declared")
        case .diagSuggestFacts: ("объявленные факты: {list}", "declared facts: {list}")
        case .diagSuggestNoFact: ("не объявлено ни одного факта", "no fact is declared")
        case .diagSuggestKinds: ("возможные виды: {list}", "declared kinds: {list}")
        case .diagSuggestNoKind: ("видов нет", "no kind is declared")
        case .diagSuggestWarningCodes: ("предупреждения, которые можно принять: {list}", "declared warning codes: {list}")
        case .diagSuggestNoWarningCode: ("принять нельзя ни одно предупреждение", "no warning code is declared")
        case .diagSuggestLogins: ("логины в назначениях: {list}", "declared logins: {list}")
        case .diagSuggestNoLogin: ("ни одно назначение не называет логинов", "no login is declared")
        case .diagSuggestAutorules: ("объявленные автоправила: {list}", "declared autorules: {list}")
        case .diagSuggestNoAutorule: ("не объявлено ни одного автоправила", "no autorule is declared")
        case .diagSuggestFasttracks: ("объявленные фаст-треки: {list}", "declared fasttracks: {list}")
        case .diagSuggestNoFasttrack: ("не объявлено ни одного фаст-трека", "no fasttrack is declared")
        case .diagInvalidUTF8: ("файл не в кодировке UTF-8", "the file is not valid UTF-8")
        case .diagInvalidUTF8Label: ("здесь недопустимая последовательность байтов", "invalid byte sequence here")
        case .diagInvalidUTF8Help: ("сохраните файл в кодировке UTF-8 (язык политики ожидает текст в UTF-8)", "save the file as UTF-8 (the policy language expects UTF-8 text)")
        case .diagUnexpectedCharacter: ("недопустимый символ `{text}`", "unexpected `{text}`")
        case .diagUnexpectedText: ("недопустимый текст `{text}`", "unexpected `{text}`")
        case .diagUnexpectedNUL: ("недопустимый байт NUL", "unexpected NUL byte")
        case .diagUnexpectedControl: ("недопустимый управляющий символ U+{code}", "unexpected control character U+{code}")
        case .diagUnexpectedLabel: ("не входит в язык политики", "not part of the policy language")
        case .diagUnexpectedHelpNames:
            ("в именах — латинские буквы, цифры, `_` и `-`; русский текст пишется в двойных кавычках",
             "names use ASCII letters, digits, `_` and `-`; Russian text goes in double quotes")
        case .diagUnexpectedHelpQuotes: ("названия заключают в прямые двойные кавычки `\"`", "use straight double quotes `\"` around titles")
        case .diagUnexpectedHelpSemicolon: ("точка с запятой после инструкций не нужна — удалите `;`", "statements need no `;` — remove it")
        case .diagUnknownEscape: ("неизвестная escape-последовательность `\\{character}` в строке", "unknown escape `\\{character}` in a string")
        case .diagUnknownEscapeLabel: ("неизвестная escape-последовательность", "unknown escape")
        case .diagUnknownEscapeHelp: ("в строках допустимы `\\\"`, `\\\\`, `\\n` и `\\t`", "the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`")
        case .diagUnterminatedString: ("строка не закрыта", "string is not closed")
        case .diagUnterminatedStringLabel: ("открыта здесь", "opened here")
        case .diagUnterminatedStringHelpBrace: ("добавьте закрывающую кавычку `\"` перед `{brace}`", "add the closing `\"` before the `{brace}`")
        case .diagUnterminatedStringHelpLine: ("добавьте закрывающую кавычку `\"` в той же строке", "add the closing `\"` on the same line")
        case .diagNumberTooLarge: ("число `{number}` слишком велико", "number `{number}` is too large")
        case .diagNumberTooLargeLabel: ("слишком велико", "too large")
        case .diagNumberTooLargeHelp: ("числа в политике — это дни или приоритеты; не больше 9 цифр", "numbers in a policy are days or priorities; use at most 9 digits")
        case .diagInvalidDate: ("`{text}` — недопустимая дата", "`{text}` is not a valid date")
        case .diagInvalidDateLabel: ("ожидается ГГГГ-ММ-ДД", "expected YYYY-MM-DD")
        case .diagInvalidDateHelp: ("пишите даты как ГГГГ-ММ-ДД с существующим днём, например 2026-03-02", "write dates as YYYY-MM-DD with a real day, e.g. 2026-03-02")
        case .diagNotANumber: ("`{text}` — не число", "`{text}` is not a number")
        case .diagNotANumberLabel: ("имя не может начинаться с цифры", "names cannot start with a digit")
        case .diagNotANumberHelp: ("начинайте имена с латинской буквы или `_`", "start names with a letter or `_`")
        case .diagLoadNotFound: ("нет такого файла или папки: {path}", "no such file or folder: {path}")
        case .diagLoadNoFiles: ("в {path} нет файлов `*.{extension}` (политика — это папка файлов .{extension})", "no `*.{extension}` files in {path} (a policy is a folder of .{extension} files)")
        case .diagLoadUnreadable: ("не удаётся прочитать {path}: {reason}", "cannot read {path}: {reason}")
        case .diagLoadCannotList: ("не удаётся получить список файлов папки", "the folder cannot be listed")
        case .diagLoadNotRegularFile: ("нет прав на чтение, или это не обычный файл", "permission denied or not a regular file")
        case .diagLoadTooLarge: ("{path}: {size} байт, а файл политики может занимать не больше {limit} МиБ", "{path} is {size} bytes; policy files are limited to {limit} MiB")
        case .diagExpectedFound: ("ожидается {expected}, а здесь {found}", "expected {expected}, found {found}")
        case .diagExpectedLabel: ("ожидается {expected}", "expected {expected}")
        case .diagFoundString: ("строка \"{text}\"", "string \"{text}\"")
        case .diagTokenName: ("имя", "a name")
        case .diagTokenString: ("строка", "a string")
        case .diagTokenNumber: ("число", "a number")
        case .diagTokenDate: ("дата", "a date")
        case .diagTokenEndOfFile: ("конец файла", "end of file")
        case .diagTokenInvalid: ("недопустимый текст", "invalid text")
        case .diagHelpTitleQuotes: ("названия пишут в двойных кавычках, например \"Автомобильные дороги\"", "titles are written in double quotes, e.g. \"Автомобильные дороги\"")
        case .diagHelpDateFormat: ("пишите даты как ГГГГ-ММ-ДД, например 2026-03-02", "write dates as YYYY-MM-DD, e.g. 2026-03-02")
        case .diagStrayBrace: ("лишняя `}`", "unexpected `}`")
        case .diagStrayBraceLabel: ("закрывать нечего", "nothing to close")
        case .diagStrayBraceHelp: ("удалите эту `}` или добавьте `{brace}`, которую она закрывает", "remove this `}` or add the `{brace}` it closes")
        case .diagUnknownStatement: ("неизвестная инструкция `{word}` в блоке {block}", "unknown statement `{word}` in {block}")
        case .diagExpectedStatement: ("в блоке {block} ожидается инструкция, а здесь {found}", "expected a statement in {block}, found {found}")
        case .diagNotAllowedHere: ("здесь недопустимо", "not allowed here")
        case .diagBlockMayContain: ("блок {block} может содержать: {list}", "a {block} block may contain: {list}")
        case .diagUnclosedBlock: ("блок {block} не закрыт", "the {block} block is not closed")
        case .diagUnclosedBlockLabel: ("у этой `{` нет парной `}`", "this `{` has no matching `}`")
        case .diagUnclosedBlockHelp: ("добавьте `}` после последней инструкции блока", "add `}` after the last statement of the block")
        case .diagBlockOrganization: ("организации", "organization")
        case .diagBlockRole: ("роли", "role")
        case .diagBlockCategory: ("категории", "category")
        case .diagBlockSubcategory: ("подкатегории", "subcategory")
        case .diagBlockFact: ("факта", "fact")
        case .diagBlockAutoRule: ("автоправила", "auto-rule")
        case .diagBlockFastTrack: ("фаст-трека", "fast-track")
        case .diagBlockTest: ("теста", "test")
        case .diagBlockCalendar: ("календаря", "calendar")
        case .diagLevelCategory: ("категория", "category")
        case .diagLevelSubcategory: ("подкатегория", "subcategory")
        case .diagLevelFact: ("факт", "fact")
        case .diagUnknownDeclaration: ("неизвестное объявление `{word}`", "unknown declaration `{word}`")
        case .diagExpectedDeclaration: ("ожидается объявление, а здесь {found}", "expected a declaration, found {found}")
        case .diagNotADeclaration: ("это не объявление", "not a declaration")
        case .diagFileDeclares: ("в файле политики объявляют: {list}", "a policy file declares: {list}")
        case .diagBelongsInCategory: ("`{word}` пишут внутри блока `category { … }`", "`{word}` belongs inside a `category { … }` block")
        case .diagWhatOrganizationTitle: ("название организации в кавычках", "the organization's title in quotes")
        case .diagWhatTimeZone: ("часовой пояс в кавычках, например \"Europe/Moscow\"", "a time zone in quotes, e.g. \"Europe/Moscow\"")
        case .diagWhatRegimeSetting: ("режим (`appeal` или `message`)", "a regime (`appeal` or `message`)")
        case .diagWhatDeadlineRule: ("`preceding_working_day` или `next_working_day`", "`preceding_working_day` or `next_working_day`")
        case .diagWhatRoleID: ("идентификатор роли", "a role id")
        case .diagWhatDays: ("число дней", "a number of days")
        case .diagWhatTermUnit: ("`calendar` или `working`", "`calendar` or `working`")
        case .diagHelpTermShape: ("запишите срок как `30 calendar days` или `20 working days`", "write a term as `30 calendar days` or `20 working days`")
        case .diagHelpTermDays: ("запишите срок как `{days} {unit} days`", "write a term as `{days} {unit} days`")
        case .diagWhatRoleIDExample: ("идентификатор роли, например `executor`", "a role id, e.g. `executor`")
        case .diagWhatRoleTitle: ("название роли в кавычках, например \"Исполнитель\"", "the role's title in quotes, e.g. \"Исполнитель\"")
        case .diagWhatAction: ("действие, например `view`", "an action, e.g. `view`")
        case .diagHelpScopeAfterOn:
            ("закончите правило областью: `on any`, `on granted`, `on assigned` или `on assigned and granted`",
             "finish the rule with a scope: `on any`, `on granted`, `on assigned` or `on assigned and granted`")
        case .diagWhatScope: ("область: `any`, `granted`, `assigned` или `assigned and granted`", "a scope: `any`, `granted`, `assigned` or `assigned and granted`")
        case .diagWhatGrantedAfterAnd: ("`granted` после `assigned and`", "`granted` after `assigned and`")
        case .diagWhatRoleAfterGrant: ("идентификатор роли после `grant`", "a role id after `grant`")
        case .diagHelpGrantTo: ("пишите `grant РОЛЬ to ЛОГИН`", "write `grant ROLE to LOGIN`")
        case .diagWhatLoginAfterTo: ("логин после `to`", "a login after `to`")
        case .diagClauseTwiceGrant: ("`{clause}` дважды в одном назначении", "`{clause}` given twice in one grant")
        case .diagClauseTwiceLabel: ("повтор `{clause}`", "second `{clause}`")
        case .diagClauseTwiceGrantHelp: ("каждое из `on`, `from` и `until` пишут не больше одного раза", "give each of `on`, `from` and `until` at most once")
        case .diagWhatCategoryPath: ("путь в классификаторе, например `roads` или `roads.potholes`", "a category path, e.g. `roads` or `roads.potholes`")
        case .diagWhatDateAfter: ("дата после `{keyword}`", "a date after `{keyword}`")
        case .diagWhatGrantContinuation: ("`on`, `from`, `until` или новая строка", "`on`, `from`, `until` or a new line")
        case .diagHelpGrantShape: ("назначение записывают так: `grant РОЛЬ to ЛОГИН on ПУТЬ, … from ДАТА until ДАТА`", "a grant reads `grant ROLE to LOGIN on PATH, … from DATE until DATE`")
        case .diagWhatNameAfterDot: ("имя после `.`", "a name after `.`")
        case .diagPathTooDeep: ("в пути не больше трёх частей (категория.подкатегория.факт)", "a path has at most three parts (category.subcategory.fact)")
        case .diagPathTooDeepLabel: ("слишком глубоко", "too deep")
        case .diagPathTooDeepHelp: ("уберите лишние части", "remove the extra parts")
        case .diagWhatYear: ("год, например 2028", "a year, e.g. 2028")
        case .diagWhatDate: ("дата", "a date")
        case .diagWhatLegalSource: ("правовой источник в кавычках, например \"ПП РФ от … № …\"", "the legal source in quotes, e.g. \"ПП РФ от … № …\"")
        case .diagWhatNodeID: ("идентификатор {level}, например `roads`", "a {level} id, e.g. `roads`")
        case .diagWhatNodeTitle: ("название {level} в кавычках", "the {level}'s title in quotes")
        case .diagWhatBraceOrNewLine: ("`{brace}` или новая строка", "`{brace}` or a new line")
        case .diagHelpNodeShape: ("{level} записывается как `{keyword} ID \"Название\"`, тело `{ … }` необязательно", "a {level} is `{keyword} ID \"Title\"` with an optional `{ … }` body")
        case .diagWhatRuleID: ("идентификатор {kind}", "the {kind}'s id")
        case .diagWhatPriority: ("номер приоритета (1 пробуется первым)", "a priority number (1 is tried first)")
        case .diagHelpPriority:
            ("правила пробуют по возрастанию номера приоритета; напишите, например, `{keyword} {id} priority 10 { … }`",
             "rules are tried from the lowest priority number up; write e.g. `{keyword} {id} priority 10 { … }`")
        case .diagWhatExecutorLogin: ("логин исполнителя", "the login of an executor")
        case .diagTargetTwice: ("у {kind} уже указан адресат", "the {kind} has a target already")
        case .diagTargetTwiceLabel: ("второй адресат", "second target")
        case .diagTargetTwiceHelp: ("оставьте одно `assign` (или `leave to coordinator`)", "keep one `assign` (or `leave to coordinator`)")
        case .diagHelpLeaveTo: ("пишите `leave to coordinator`", "write `leave to coordinator`")
        case .diagTermTwice: ("у фаст-трека уже указан срок", "the fast-track has a term already")
        case .diagTermTwiceLabel: ("второй срок", "second term")
        case .diagTermTwiceHelp: ("оставьте один `term`", "keep one `term`")
        case .diagWhatConditionField: ("поле условия: {list}", "what to match: {list}")
        case .diagUnknownConditionField: ("правило не может проверять `{field}`", "cannot match on `{field}`")
        case .diagUnknownFieldLabel: ("неизвестное поле", "unknown field")
        case .diagConditionFieldsHelp: ("правило может проверять {list}", "a rule can match on {list}")
        case .diagWhatNodePath: ("путь {level}", "a {level} path")
        case .diagWhatRegimeValue: ("`appeal` или `message`", "`appeal` or `message`")
        case .diagWhatChannelValue: ("`widget`, `epgu_account` или `mobile_app`", "`widget`, `epgu_account` or `mobile_app`")
        case .diagWhatSourceValue: ("источник (имя или строка в кавычках)", "a source (a name or a string in quotes)")
        case .diagWhatLocalityValue: ("населённый пункт (имя или строка в кавычках)", "a locality (a name or a string in quotes)")
        case .diagWhatSubstituteLogin: ("логин замещающего после `substitute`", "the substitute's login after `substitute`")
        case .diagHelpSubstituteFor:
            ("пишите `substitute ЛОГИН for ЛОГИН` или `substitute ЛОГИН, … for anyone on ПУТЬ`",
             "write `substitute LOGIN for LOGIN` or `substitute LOGIN, … for anyone on PATH`")
        case .diagWhatAbsentee: ("логин отсутствующего или `anyone` (замещать любого)", "the absentee's login, or `anyone` for a pool")
        case .diagClauseTwiceSubstitute: ("`{clause}` дважды в одном объявлении замещения", "`{clause}` given twice in one substitute declaration")
        case .diagClauseTwiceSubstituteHelp: ("каждое из `on` и `as` пишут не больше одного раза", "give each of `on` and `as` at most once")
        case .diagWhatSubstituteKind: ("`executor` или `approver` после `as`", "`executor` or `approver` after `as`")
        case .diagWhatSubstituteContinuation: ("`on`, `as` или новая строка", "`on`, `as` or a new line")
        case .diagHelpSubstituteShape:
            ("объявление замещения записывают так: `substitute ЛОГИН for ЛОГИН|anyone on ПУТЬ, … as executor|approver`",
             "a substitute declaration reads `substitute LOGIN for LOGIN|anyone on PATH, … as executor|approver`")
        case .diagWhatWarningCode: ("код предупреждения после `accept`, например `W0506`", "a warning code after `accept`, e.g. `W0506`")
        case .diagHelpAcceptShape: ("пишите `accept W0506 for ЛОГИН, … because \"обоснование\"`", "write `accept W0506 for LOGIN, … because \"reason\"`")
        case .diagWhatAcceptSubject:
            ("то, что называет замечание: логин, идентификатор правила или роли либо путь в классификаторе",
             "what the finding names: a login, a rule id, a role id or a node path")
        case .diagHelpAcceptBecause: ("у принятого замечания должно быть обоснование: `because \"…\"`", "an accepted finding needs its reason: `because \"…\"`")
        case .diagWhatReason: ("обоснование в кавычках", "the reason in quotes")
        case .diagHelpReason:
            ("объясните, почему так задумано, например \"малый отдел: один сотрудник и готовит, и утверждает\"",
             "say why the finding is intended, e.g. \"малый отдел: один сотрудник и готовит, и утверждает\"")
        case .diagWhatTestName: ("название теста в кавычках", "the test's name in quotes")
        case .diagWhatTestDate: ("дата, на которую выполняется тест", "the date the test runs at")
        case .diagTestDateTwice: ("у теста уже указана дата", "the test has a date already")
        case .diagTestDateTwiceLabel: ("второй `at`", "second `at`")
        case .diagTestDateTwiceHelp: ("оставьте один `at` на тест; у `case { … }` может быть свой `at`", "keep one `at` per test; a case can set its own `at`")
        case .diagWhatLogin: ("логин", "a login")
        case .diagWhatActionPlain: ("действие", "an action")
        case .diagHelpExpectRouteTo: ("пишите `expect route case { … } to ЛОГИН` или `… to coordinator`", "write `expect route case { … } to LOGIN` or `… to coordinator`")
        case .diagWhatLoginOrCoordinator: ("логин или `coordinator`", "a login or `coordinator`")
        case .diagWhatRuleKind: ("`autorule` или `fasttrack`", "`autorule` or `fasttrack`")
        case .diagWhatRuleIDPlain: ("идентификатор правила", "the rule's id")
        case .diagWhatExpectation: ("`allow`, `deny` или `route`", "`allow`, `deny` or `route`")
        case .diagHelpExpectShape:
            ("пишите `expect allow ЛОГИН ДЕЙСТВИЕ case { … }` или `expect route case { … } to ЛОГИН`",
             "write `expect allow LOGIN ACTION case { … }` or `expect route case { … } to LOGIN`")
        case .diagHelpCaseShape: ("опишите сообщение или обращение так: `case { subcategory roads.potholes … }`", "describe the case as `case { subcategory roads.potholes … }`")
        case .diagWhatCaseField: ("поле описания: {list}", "a case field: {list}")
        case .diagWhatSource: ("источник", "a source")
        case .diagWhatLocality: ("населённый пункт", "a locality")
        case .diagWhatRegime: ("режим", "a regime")
        case .diagWhatChannel: ("канал", "a channel")
        case .diagWhatAssignee: ("логин исполнителя", "an assignee")
        case .diagUnknownCaseField: ("неизвестное поле описания `{field}`", "unknown case field `{field}`")
        case .diagCaseFieldsHelp: ("в описании можно указать {list}", "a case may set {list}")
        case .diagWhatCaseClose: ("`}`, закрывающая описание", "`}` closing the case")
        case .diagOrganizationTwice: ("организация объявлена дважды", "the organization is declared twice")
        case .diagSecondDeclaration: ("второе объявление", "second declaration")
        case .diagOrganizationTwiceHelp: ("оставьте один блок `organization` на всю политику", "keep one `organization` block for the whole policy")
        case .diagFirstDeclaredHere: ("первое объявление здесь", "first declared here")
        case .diagNoOrganization: ("в политике не объявлена организация", "the policy declares no organization")
        case .diagNoOrganizationLabel: ("в этой политике", "in this policy")
        case .diagNoOrganizationHelp:
            ("добавьте в один из файлов `organization \"Администрация …\" { timezone \"Europe/Moscow\" }`",
             "add `organization \"Администрация …\" { timezone \"Europe/Moscow\" }` to one file")
        case .diagUnknownTimeZone: ("неизвестный часовой пояс \"{zone}\"", "unknown time zone \"{zone}\"")
        case .diagUnknownTimeZoneLabel: ("не часовой пояс IANA", "not an IANA time zone")
        case .diagUnknownTimeZoneHelp: ("укажите имя из базы IANA, например \"Europe/Moscow\" или \"Europe/Samara\"", "use an IANA name such as \"Europe/Moscow\" or \"Europe/Samara\"")
        case .diagUnknownDeadlineRule: ("неизвестное правило окончания срока `{rule}`", "unknown deadline rule `{rule}`")
        case .diagUnknownRuleLabel: ("неизвестное правило", "unknown rule")
        case .diagSettingTwice: ("параметр `{setting}` задан дважды", "`{setting}` is set twice")
        case .diagSecondSetting: ("второе значение", "second setting")
        case .diagKeepOneSetting: ("оставьте одно значение", "keep one")
        case .diagFirstSetHere: ("первое значение здесь", "first set here")
        case .diagUnknownRegime: ("неизвестный режим `{name}`", "unknown regime `{name}`")
        case .diagNotARegime: ("это не режим", "not a regime")
        case .diagRegimeHelp: ("{suggestion} (`appeal` — обращение по 59-ФЗ, `message` — сообщение)", "{suggestion} (`appeal` = обращение under 59-ФЗ, `message` = сообщение)")
        case .diagTermOutOfRange: ("срок в {days} вне допустимого диапазона", "a term of {days} is out of range")
        case .diagTermRangeLabel: ("допустимо 1…{maximum}", "must be 1…{maximum}")
        case .diagTermRangeHelp: ("срок — от 1 до {maximum} дней (59-ФЗ: 30 дней и не больше 30 дней продления)", "terms are 1 to {maximum} days (59-ФЗ: 30 days, plus at most 30 more by extension)")
        case .diagRoleTwice: ("роль `{role}` объявлена дважды", "role `{role}` is declared twice")
        case .diagRoleTwiceHelp: ("объедините два блока `role {role}` или переименуйте один из них", "merge the two `role {role}` blocks or rename one")
        case .diagUnknownScope: ("неизвестная область `{scope}`", "unknown scope `{scope}`")
        case .diagNotAScope: ("это не область", "not a scope")
        case .diagUnknownAction: ("неизвестное действие `{action}`", "unknown action `{action}`")
        case .diagNotAnAction: ("это не действие", "not an action")
        case .diagAdminActionScope: ("`{action}` относится не к отдельному сообщению или обращению, поэтому ему нужна область `any`", "`{action}` is not about one case, so it needs scope `any`")
        case .diagAdminActionScopeLabel: ("указано с `{scope}`", "used with `{scope}`")
        case .diagAdminActionScopeHelp: ("перенесите `{action}` в отдельную строку: `allow {action} on any`", "move `{action}` to a separate line: `allow {action} on any`")
        case .diagWhichExecutor: ("исполнителя", "executor")
        case .diagWhichCoordinator: ("координатора", "coordinator")
        case .diagDesignatedRoleMissing: ("роль {which} `{role}` не объявлена", "the {which} role `{role}` is not declared")
        case .diagInThisOrganization: ("в этой организации", "in this organization")
        case .diagDesignatedRoleHelp:
            ("объявите `role {role} \"…\" { … }` или укажите существующую роль: `{setting} РОЛЬ`",
             "declare `role {role} \"…\" { … }` or name an existing role with `{setting} ROLE`")
        case .diagDesignatedRoleHelpGuess:
            ("объявите `role {role} \"…\" { … }` или укажите существующую роль: `{setting} РОЛЬ`; возможно, вы имели в виду `{suggestion}`?",
             "declare `role {role} \"…\" { … }` or name an existing role with `{setting} ROLE`; did you mean `{suggestion}`?")
        case .diagUnknownRole: ("неизвестная роль `{role}`", "unknown role `{role}`")
        case .diagNotDeclared: ("нет в политике", "not declared")
        case .diagGrantEndsBeforeStart: ("назначение заканчивается ({until}) раньше, чем начинается ({from})", "the grant ends ({until}) before it starts ({from})")
        case .diagBeforeFrom: ("раньше `from`", "before `from`")
        case .diagGrantEndsBeforeStartHelp: ("поменяйте даты местами или исправьте `until`", "swap the dates or correct `until`")
        case .diagCalendarYearRange: ("{year} год вне допустимого диапазона", "year {year} is out of range")
        case .diagCalendarYearRangeLabel: ("не из 2000…2100", "not 2000…2100")
        case .diagCalendarYearRangeHelp:
            ("объявите год, который охватывает новое постановление, например `year 2028 \"ПП РФ от … № …\"`",
             "declare the year the new decree covers, e.g. `year 2028 \"ПП РФ от … № …\"`")
        case .diagCalendarYearTwice: ("{year} год объявлен дважды", "year {year} is declared twice")
        case .diagKeepOneYear: ("оставьте одно объявление", "keep one")
        case .diagCalendarDayTwice: ("день {date} указан в календаре дважды", "{date} is listed twice in the calendar")
        case .diagSecondEntry: ("вторая запись", "second entry")
        case .diagCalendarDayTwiceHelp: ("оставьте одну запись на день", "keep one entry per day")
        case .diagFirstListedHere: ("первая запись здесь", "first listed here")
        case .diagCalendarNoSource: ("в записи календаря на {date} не указан правовой источник", "the calendar entry for {date} names no legal source")
        case .diagEmptySource: ("пустой источник", "empty source")
        case .diagCalendarNoSourceHelp: ("укажите постановление, например \"ПП РФ от 17.09.2026 № 1187\"", "name the decree, e.g. \"ПП РФ от 17.09.2026 № 1187\"")
        case .diagCategoryTwice: ("категория `{id}` объявлена дважды", "category `{id}` is declared twice")
        case .diagCategoryTwiceHelp: ("объедините два блока или переименуйте один из них", "merge the two blocks or rename one")
        case .diagTermRegimeTwice: ("`term {regime}` задан для `{path}` дважды", "`term {regime}` is set twice on `{path}`")
        case .diagTermTwiceOnNode: ("`term` задан для `{path}` дважды", "`term` is set twice on `{path}`")
        case .diagKeepOneTerm: ("оставьте один срок", "keep one")
        case .diagSubcategoryTwice: ("подкатегория `{path}` объявлена дважды", "`{path}` is declared twice")
        case .diagFactTwice: ("факт `{path}` объявлен дважды", "`{path}` is declared twice")
        case .diagChildTwiceHelp: ("идентификаторы внутри `{parent}` должны быть разными", "ids must be unique among the children of `{parent}`")
        case .diagRegimeAppealOf: ("обращения", "appeal")
        case .diagRegimeMessageOf: ("сообщения", "message")
        case .diagRegimeAppeal: ("обращение", "appeal")
        case .diagRegimeMessage: ("сообщение", "message")
        case .diagAcceleratedTerm: ("для `{path}` действует ускоренный порядок, но срок {regime} — {term}{origin}", "`{path}` is accelerated but its {regime} term is {term}{origin}")
        case .diagInheritedFrom: (" (унаследован от {from})", " (inherited from {from})")
        case .diagOrganizationDefault: ("срока организации по умолчанию", "the organization's default")
        case .diagOver10Days: ("больше 10 календарных дней", "over 10 calendar days")
        case .diagAcceleratedTermHelp:
            ("на ускоренные сообщения и обращения отвечают не позднее чем через 10 календарных дней (п. 10 распоряжения): задайте для `{path}` `term 10 calendar days` или меньше",
             "accelerated cases are answered within at most 10 calendar days (order item 10): add `term 10 calendar days` or less to `{path}`")
        case .diagAcceleratedHelp:
            ("на ускоренные сообщения и обращения отвечают не позднее чем через 10 календарных дней (п. 10 распоряжения)",
             "accelerated cases are answered within at most 10 calendar days (order item 10)")
        case .diagWrongLevel: ("`{path}` — {actual}, а не {expected}", "`{path}` is a {actual}, not a {expected}")
        case .diagWrongLevelLabel: ("{actual}", "a {actual}")
        case .diagWrongLevelHelpCategory:
            ("напишите `{keyword} {path}` или укажите категорию — её идентификатор, например `roads`",
             "write `{keyword} {path}` instead, or name a category: a category id such as `roads`")
        case .diagWrongLevelHelpSubcategory:
            ("напишите `{keyword} {path}` или укажите подкатегорию — путь вида `roads.potholes`",
             "write `{keyword} {path}` instead, or name a subcategory: a path such as `roads.potholes`")
        case .diagWrongLevelHelpFact:
            ("напишите `{keyword} {path}` или укажите факт — путь вида `roads.potholes.carriageway`",
             "write `{keyword} {path}` instead, or name a fact: a path such as `roads.potholes.carriageway`")
        case .diagUnknownCategory: ("неизвестная категория `{name}`{parent}", "unknown category `{name}`{parent}")
        case .diagUnknownSubcategory: ("неизвестная подкатегория `{name}`{parent}", "unknown subcategory `{name}`{parent}")
        case .diagUnknownFact: ("неизвестный факт `{name}`{parent}", "unknown fact `{name}`{parent}")
        case .diagInParent: (" в `{parent}`", " in `{parent}`")
        case .diagNotInTree: ("нет в классификаторе", "not declared")
        case .diagRuleAuto: ("автоправило `{id}`", "auto-rule `{id}`")
        case .diagRuleFast: ("фаст-трек `{id}`", "fast-track `{id}`")
        case .diagAutoRuleTwice: ("автоправило `{id}` объявлено дважды", "auto-rule `{id}` is declared twice")
        case .diagFastTrackTwice: ("фаст-трек `{id}` объявлен дважды", "fast-track `{id}` is declared twice")
        case .diagRuleTwiceHelp: ("дайте им разные идентификаторы", "rename one of them")
        case .diagPriorityRange: ("приоритет {priority} вне допустимого диапазона", "priority {priority} is out of range")
        case .diagPriorityRangeLabel: ("допустимо 0…{maximum}", "must be 0…{maximum}")
        case .diagPriorityRangeHelp: ("укажите число от 0 до {maximum}; меньшие номера пробуют раньше", "use a number from 0 to {maximum}; lower numbers are tried first")
        case .diagTreeConditionTwice: ("у {kind} два условия по классификатору", "the {kind} matches on the category tree twice")
        case .diagConditionTwice: ("`when {field}` указано дважды", "`when {field}` is given twice")
        case .diagSecondCondition: ("второе условие", "second condition")
        case .diagTreeConditionTwiceHelp:
            ("перечислите все категории, подкатегории и факты в одной строке `when` одного вида или разделите правило",
             "list every category, subcategory and fact in one `when` line of one kind, or split the rule")
        case .diagConditionTwiceHelp: ("перечислите все значения в одной строке: `when {field} A, B`", "list all values in one line: `when {field} A, B`")
        case .diagFirstGivenHere: ("первое условие здесь", "first given here")
        case .diagUnknownChannel: ("неизвестный канал `{channel}`", "unknown channel `{channel}`")
        case .diagNotAChannel: ("это не канал", "not a channel")
        case .diagChannelHelp:
            ("{suggestion} (коды страниц услуг, такие как MED_DOC_EPGU, проверяет условие `when source`)",
             "{suggestion} (service-page codes such as MED_DOC_EPGU are matched with `when source`)")
        case .diagFastTrackToCoordinator: ("фаст-трек должен назначать исполнителя", "a fast-track must assign an executor")
        case .diagFastTrackToCoordinatorLabel: ("фаст-трек идёт в обход Координатора", "a fast-track skips the coordinator")
        case .diagFastTrackToCoordinatorHelp:
            ("напишите `assign ЛОГИН` или сделайте правило `autorule`, если решать должен Координатор",
             "write `assign LOGIN`, or make this an `autorule` if the coordinator should decide")
        case .diagNoTarget: ("у {kind} `{id}` нет адресата", "the {kind} `{id}` has no target")
        case .diagAssignsNobody: ("никому не назначает", "assigns nobody")
        case .diagNoTargetHelpFastTrack: ("добавьте `assign ЛОГИН`", "add `assign LOGIN`")
        case .diagNoTargetHelpAutoRule: ("добавьте `assign ЛОГИН` или `leave to coordinator`", "add `assign LOGIN` or `leave to coordinator`")
        case .diagFastTrackMatchesAll: ("фаст-трек `{id}` не проверяет ни источник, ни подкатегорию", "fast-track `{id}` matches neither a source nor a subcategory")
        case .diagFastTrackMatchesAllLabel: ("забирал бы все сообщения и обращения", "would take every case")
        case .diagFastTrackMatchesAllHelp:
            ("добавьте `when source \"КОД\"` и/или `when subcategory КАТЕГОРИЯ.ПОДКАТЕГОРИЯ`",
             "add `when source \"CODE\"` and/or `when subcategory CATEGORY.SUBCATEGORY`")
        case .diagFastTrackNoTerm: ("у фаст-трека `{id}` нет срока", "fast-track `{id}` has no term")
        case .diagNoTermLabel: ("нет `term`", "no `term`")
        case .diagFastTrackNoTermHelp: ("добавьте ему собственный срок, например `term 10 calendar days`", "add its own term, e.g. `term 10 calendar days`")
        case .diagTestTwice: ("тест \"{name}\" объявлен дважды", "test \"{name}\" is declared twice")
        case .diagTestTwiceHelp: ("дайте каждому тесту своё название", "give every test its own name")
        case .diagViaNotRuleKind: ("`via {kind}` — это не вид правила", "`via {kind}` is not a kind of rule")
        case .diagViaNotRuleKindLabel: ("ожидается `autorule` или `fasttrack`", "expected `autorule` or `fasttrack`")
        case .diagViaNotRuleKindHelp: ("пишите `via autorule ID` или `via fasttrack ID`", "write `via autorule ID` or `via fasttrack ID`")
        case .diagNoAutorule: ("автоправило `{id}` не объявлено", "no autorule `{id}` is declared")
        case .diagNoFasttrack: ("фаст-трек `{id}` не объявлен", "no fasttrack `{id}` is declared")
        case .diagCaseFieldTwice: ("поле `{field}` указано в описании дважды", "case field `{field}` is given twice")
        case .diagSecondValue: ("второе значение", "second value")
        case .diagCaseFieldTwiceHelp: ("укажите каждое поле один раз", "give each field once")
        case .diagCaseOnCategory: ("сообщение или обращение не может относиться к `{path}`: у категории есть подкатегории", "no case can sit on `{path}`: the category has subcategories")
        case .diagCaseOnCategoryLabel: ("категория с подкатегориями", "a category with subcategories")
        case .diagCaseOnCategoryHelp:
            ("укажите подкатегорию, например `subcategory {first}`{choices}; импорт не принимает сообщение или обращение на категорию, у которой есть подкатегории",
             "name a subcategory, e.g. `subcategory {first}`{choices}; the importer refuses a case on a category that has subcategories")
        case .diagOneOf: (" (одну из: {list})", " (one of {list})")
        case .diagCaseNoCategory: ("в описании не указана категория", "the case names no category")
        case .diagNoSubcategoryLabel: ("нет `subcategory`", "no `subcategory`")
        case .diagCaseNoCategoryHelp:
            ("добавьте в описание `subcategory КАТЕГОРИЯ.ПОДКАТЕГОРИЯ` (или `category`, `fact`)",
             "add `subcategory CATEGORY.SUBCATEGORY` (or `category`, `fact`) to the case")
        case .diagSubstituteKind: ("замещают `as executor` или `as approver`, а не `as {kind}`", "a substitute stands in `as executor` or `as approver`, not `as {kind}`")
        case .diagUnknownKindLabel: ("неизвестный вид", "unknown kind")
        case .diagSubstituteKindHelp:
            ("{suggestion} (`executor` — сообщения и обращения Исполнителя, п. 9 распоряжения; `approver` — утверждение ответов Руководителем, п. 12)",
             "{suggestion} (`executor`: the Исполнитель's cases, order item 9; `approver`: the Руководитель's approvals, order item 12)")
        case .diagSubstituteSelf: ("`{login}` не может замещать сам себя", "`{login}` cannot stand in for themselves")
        case .diagSubstituteSelfLabel: ("тот же сотрудник, что и отсутствующий", "same person as the absentee")
        case .diagSubstituteSelfHelp: ("укажите другого сотрудника или `anyone`, чтобы замещать любого", "name another person, or `anyone` for a pool")
        case .diagAnyone: ("любого", "anyone")
        case .diagSubstituteTwice: ("`{login}` дважды объявлен замещающим (`{kind}`) для {absentee}", "`{login}` is declared twice as {kind} substitute for {absentee}")
        case .diagDeclaredAgain: ("объявлено повторно", "declared again")
        case .diagKeepOneDeclaration: ("оставьте одно объявление", "keep one declaration")
        case .diagNotAcceptable: ("`{code}` — не то предупреждение, которое можно принять", "`{code}` is not a warning that can be accepted")
        case .diagNotAcceptableLabel: ("такое замечание принять нельзя", "not an acceptable warning")
        case .diagAcceptErrorHelp: ("`{code}` — ошибка: исправьте её, ошибки не принимают", "`{code}` is an error: fix it, errors cannot be accepted")
        case .diagAcceptUnusedHelp: ("ненужное принятие удаляют, а не принимают", "an unused acceptance is removed, not accepted")
        case .diagAcceptNoReason: ("у принятия {code} нет обоснования", "the acceptance of {code} gives no reason")
        case .diagEmptyReason: ("пустое обоснование", "empty reason")
        case .diagAcceptNoReasonHelp: ("объясните, почему так задумано: обоснование читают при проверке изменений", "say why the finding is intended; reviewers read it")
        case .diagTargetNotExecutor:
            ("{rule} отдаёт сообщения и обращения логину `{login}`, у которого нет назначения роли `{role}` на `{path}`{more}",
             "{rule} assigns `{login}`, who holds no `{role}` grant on `{path}`{more}")
        case .diagAssignsNonExecutor: ("адресат — не исполнитель", "assigns a non-executor")
        case .diagTargetNotExecutorHelp:
            ("добавьте `grant {role} to {login} on {path}` (или на категорию выше), сузьте правило или назначьте того, кто там исполнитель",
             "add `grant {role} to {login} on {path}` (or its category), narrow the rule, or assign someone who is an executor there")
        case .diagFastTrackAccelerated: ("фаст-трек `{id}` даёт срок {term}, а для `{path}` действует ускоренный порядок", "fast-track `{id}` gives {term} to accelerated `{path}`")
        case .diagFastTrackTermLonger:
            ("фаст-трек `{id}` даёт срок {term} — дольше, чем у `{path}` ({nodeTerm}, {regime})",
             "fast-track `{id}` gives {term}, longer than the {nodeTerm} of `{path}` ({regime})")
        case .diagLongerThanCategory: ("дольше срока категории", "longer than its category's term")
        case .diagFastTrackTermLongerHelp: ("фаст-трек сокращает путь, но не срок: не больше {nodeTerm}", "a fast-track shortens the way, never the term: use at most {nodeTerm}")
        case .diagInternalError: ("внутренняя ошибка при индексировании политики: {error}", "internal error while indexing the policy: {error}")
        case .diagInternalErrorHelp: ("сообщите о ней разработчикам и приложите политику, которая её вызвала", "please report this with the policy that caused it")
        case .lintShadowed: ("{rule} никогда не сработает", "{rule} can never fire")
        case .lintShadowedLabel: ("всё, что под него подходит, забирают раньше", "every case it matches is taken earlier")
        case .lintShadowedHelp:
            ("всё, что под него подходит, раньше забирают другие правила ({rules}{more}); дайте ему меньший номер приоритета, сузьте предыдущие правила или удалите его",
             "every case it matches is routed first by {rules}{more}; give it a lower priority number, narrow the earlier rules, or remove it")
        case .lintTakenBy: ("раньше забирает {rule}", "taken by {rule}")
        case .lintOverlap: ("{rule} и `{other}` с одинаковым приоритетом пересекаются", "{rule} and `{other}` have the same priority and overlap")
        case .lintOverlapLabel: ("пересекается с `{other}`", "overlaps `{other}`")
        case .lintOverlapHelp:
            ("например, сообщение или обращение ({example}) достаётся {target} только потому, что `{first}` стоит раньше по алфавиту; дайте одному из правил другой приоритет",
             "e.g. a case with {example} goes to {target} only because `{first}` sorts first; give one of them a different priority")
        case .lintToCoordinator: ("Координатору", "the coordinator")
        case .lintDeclaredHere: ("объявление `{id}`", "`{id}` declared here")
        case .lintExampleNode: ("{level} {path}", "{level} {path}")
        case .lintExampleRegime: ("режим {regime}", "regime {regime}")
        case .lintExampleChannel: ("канал {channel}", "channel {channel}")
        case .lintExampleSource: ("источник {source}", "source {source}")
        case .lintExampleOtherSource: ("любой другой источник", "any other source")
        case .lintExampleLocality: ("населённый пункт \"{locality}\"", "locality \"{locality}\"")
        case .lintExampleOtherLocality: ("любой другой населённый пункт", "any other locality")
        case .lintCoverageGap: ("сообщения и обращения `{path}` не направляет ни одно правило и не берёт ни один исполнитель", "no rule routes `{path}` and no executor covers it")
        case .lintTitleLabel: ("подкатегория «{title}»", "«{title}»")
        case .lintCoverageGapHelp:
            ("выдайте кому-нибудь `{role}` на `{path}` (или на категорию выше) или добавьте автоправило, которое назначает исполнителя",
             "grant `{role}` on `{path}` (or its category) to someone, or add an auto-rule that assigns it")
        case .lintExpiredGrant: ("назначение роли `{role}` для `{login}` действовало по {until} и истекло", "the grant of `{role}` to `{login}` expired after {until}")
        case .lintExpiredLabel: ("истекло", "expired")
        case .lintExpiredHelp:
            ("удалите его или сдвиньте `until`, если оно ещё должно действовать (проверено на {date})",
             "remove it, or move `until` if it should still apply (checked against {date})")
        case .lintEmptyRole: ("роль `{role}` ничего не разрешает", "role `{role}` allows nothing")
        case .lintNoAllowLines: ("нет строк `allow`", "no `allow` lines")
        case .lintEmptyRoleHelp: ("добавьте `allow ДЕЙСТВИЕ on ОБЛАСТЬ` или удалите роль", "add `allow ACTION on SCOPE`, or remove the role")
        case .lintRoleNeverGranted: ("роль `{role}` никому не назначена", "role `{role}` is never granted")
        case .lintNoGrantLabel: ("нет `grant {role} to …`", "no `grant {role} to …`")
        case .lintRoleNeverGrantedHelp: ("назначьте её кому-нибудь или удалите", "grant it to someone, or remove it")
        case .lintSeparation: ("`{login}` может и готовить, и утверждать ответы в `{path}`{more}", "`{login}` may both draft and approve answers in `{path}`{more}")
        case .lintApproveHere: ("здесь — утверждение", "approve here")
        case .lintSeparationHelp:
            ("исполнитель и утверждающий ответа должны быть разными людьми (п. 12 распоряжения); сузьте одно из назначений или примите замечание, зная, что утвердить собственный проект ответа система всё равно не даст",
             "the executor and the approver of an answer must be different people (order item 12); narrow one of the grants, or accept it knowing the workflow still refuses approving one's own draft")
        case .lintMayDraftThrough: ("готовит ответы через роль `{role}`", "may draft through `{role}`")
        case .lintKindExecutorGrant: ("назначения исполнителя (`{role}`)", "executor (`{role}`) grant")
        case .lintKindApproverGrant: ("назначения роли, которая допускает `approve`", "grant of a role that allows `approve`")
        case .lintSubstituteNobody:
            ("`{substitute}` может замещать `{absentee}`, но у `{absentee}` нет {kind}{there}",
             "`{substitute}` is eligible to stand in for `{absentee}`, who holds no {kind}{there}")
        case .lintThere: (" там", " there")
        case .lintOnNodes: (" на {nodes}", " on {nodes}")
        case .lintSubstitutePool: ("`{substitute}` может замещать любого{on}, но ни у кого там нет {kind}", "`{substitute}` is eligible to stand in for anyone{on}, but nobody there holds an {kind}")
        case .lintGivesNothing: ("ничего не даёт", "gives nothing")
        case .lintSubstituteNobodyHelp:
            ("у `{absentee}` нет {kind}{on}; используйте `as {other}`, исправьте логин или удалите объявление",
             "`{absentee}` holds no {kind}{on}; use `as {other}`, fix the login, or remove the declaration")
        case .lintSubstituteUnknownHelp: ("{suggestion} (ни одно назначение не называет `{absentee}`)", "{suggestion} (no grant names `{absentee}`)")
        case .lintSubstitutePoolHelp:
            ("укажите часть классификатора, где работают те, кого нужно замещать, или удалите объявление",
             "name the part of the tree where the people to stand in for work, or remove the declaration")
        case .lintScopeKindExecutor: ("исполнителя", "executor")
        case .lintScopeKindApprover: ("утверждающего", "approver")
        case .lintScopeUncovered: ("ни один замещающий не покрывает область {kind} `{person}` в {paths}{more}", "no eligible substitute covers `{person}`'s {kind} scope in {paths}{more}")
        case .lintCoversPart: ("покрывает только часть области {person}", "covers only part of {person}'s scope")
        case .lintScopeUncoveredHelp:
            ("добавьте `substitute ЛОГИН for {person}{asApprover}` (или расширьте `on`), чтобы отсутствие там не требовало правки политики",
             "add `substitute LOGIN for {person}{asApprover}` (or widen `on`), so an absence there needs no policy edit")
        case .lintUnusedAcceptance: ("принятие {code} для {subjects} не совпадает ни с одним замечанием", "the acceptance of {code} for {subjects} matches no finding")
        case .lintAcceptsNothing: ("ничего не принимает", "accepts nothing")
        case .lintUnusedAcceptanceHelp: ("замечание исправлено: удалите эту строку `accept`", "the finding was fixed: remove this `accept` line")
        case .lintAccountGrant: ("в назначении роли `{role}` указан `{login}`: {state}", "the grant of `{role}` names `{login}`, who {state}")
        case .lintAccountEligibility: ("в праве замещения указан `{login}`: {state}", "the substitute eligibility names `{login}`, who {state}")
        case .lintAccountNone: ("нет учётной записи", "has no account")
        case .lintAccountRemoved: ("учётная запись удалена (хранится только для истории)", "was removed (the account is kept as a tombstone)")
        case .lintAccountDisabled: ("учётная запись отключена", "is disabled")
        case .lintLabelNoAccount: ("нет учётной записи", "no account")
        case .lintLabelRemoved: ("удалена", "removed")
        case .lintLabelDisabled: ("отключена", "disabled")
        case .lintAccountGrantHelp:
            ("удалите назначение (учётная запись не может действовать) или включите учётную запись: `lko user enable {login}`",
             "remove the grant (the account cannot act), or enable the account with `lko user enable {login}`")
        case .lintAccountCreateHelp: ("создайте учётную запись (`lko user add {login}`) или исправьте логин", "create the account with `lko user add {login}`, or fix the login")
        case .lintAccountEligibilityHelp: ("удалите объявление или укажите того, кто может замещать", "remove the declaration, or name someone who can stand in")
        // (end of section D templates)
        case .pgErrAddressShape:
            ("адрес базы PostgreSQL записывается так: postgres://пользователь@узел:порт/база?organization=ИДЕНТИФИКАТОР",
             "a PostgreSQL address reads postgres://user@host:port/database?organization=ID")
        case .pgErrUnknownParameter:
            ("неизвестный параметр адреса «{name}»: допустим только organization",
             "unknown address parameter `{name}`: only organization is accepted")
        case .pgErrOrganization:
            ("идентификатор организации «{organization}» не подходит: 1–40 строчных латинских букв, цифр и «_», начиная с буквы",
             "organization identifier `{organization}` is not valid: 1–40 lower-case Latin letters, digits and `_`, starting with a letter")
        case .errDatabaseUnavailable:
            ("база данных {address} недоступна ({reason}); запрос не выполнен, ничего не изменено — повторите позже",
             "the database {address} is unavailable ({reason}); the request was not performed, nothing changed — try again later")
        case .migrateSourceBroken:
            ("исходная база не проходит проверку журнала аудита ({reason}); перенос не начат — сначала выясните причину (`lko audit verify --deep`)",
             "the source database's audit record does not verify ({reason}); nothing was moved — find out why first (`lko audit verify --deep`)")
        case .migrateCopyDiffers:
            ("копия таблицы {table} отличается от исходной ({what}); перенос отменён, в PostgreSQL ничего не осталось",
             "the copy of table {table} differs from the source ({what}); the move was rolled back, nothing is left in PostgreSQL")
        case .migrateFromNotSQLite: ("--from: укажите файл SQLite муниципальной базы lko", "--from: give the municipality's lko SQLite file")
        case .migrateToNotPostgres: ("--to: укажите адрес postgres://… региональной базы", "--to: give the regional database's postgres://… address")
        case .optMigrateAbstract: ("Перенести базу муниципалитета (SQLite) в региональную базу PostgreSQL.", "Move a municipality's database (SQLite) into the regional PostgreSQL database.")
        case .optMigrateDiscussion:
            ("Копирует все таблицы в схему организации одной транзакцией и до её фиксации доказывает копию: число строк и хеш строк каждой таблицы, цепочка аудита с той же последней записью, `audit verify --deep` без находок. При любом расхождении перенос отменяется целиком. Сеансы не переносятся: сотрудники входят заново. Исходный файл не меняется.",
             "Copies every table into the organization's schema in one transaction and, before committing, proves the copy: each table's row count and row digest, the audit chain ending at the same entry, `audit verify --deep` finding nothing. Any difference rolls the whole move back. Sessions are not moved: people sign in again. The source file is not changed.")
        case .optMigrateFrom: ("Файл SQLite муниципальной базы lko.", "The municipality's lko SQLite file.")
        case .optMigrateTo: ("Адрес региональной базы: postgres://пользователь@узел:порт/база.", "The regional database: postgres://user@host:port/database.")
        case .optMigrateOrganization: ("Идентификатор организации (ЛКО) в региональной базе: строчные латинские буквы, цифры, «_».", "The organization's (ЛКО's) identifier in the regional database: lower-case Latin letters, digits, `_`.")
        case .cliMigrateDone: ("перенесено: {source} → {target}", "moved: {source} → {target}")
        case .cliMigrateTable: ("  {table}: {rows} строк, хеш {digest} — совпадает", "  {table}: {rows} rows, digest {digest} — equal")
        case .cliMigrateChain: ("журнал аудита: {entries} записей, последняя {head} — цепочка сходится, строки совпадают с записанными", "audit record: {entries} entries, head {head} — the chain verifies, rows match what it recorded")
        case .cliMigrateKey: ("ключ подписи контрольных точек скопирован: {path}", "checkpoint signing key copied: {path}")
        case .regionNeedsPostgres: ("ЛКО региона живут в базе PostgreSQL; файл SQLite — это одна организация", "the ЛКО of a region live in a PostgreSQL database; a SQLite file is one organization")
        case .regionUnknownOrganization:
            ("организации «{organization}» нет в региональной базе; создайте её: `lko init --db postgres://…?organization={organization}`",
             "there is no organization `{organization}` in the regional database; create it with `lko init --db postgres://…?organization={organization}`")
        case .regionNotTheRegion:
            ("реестр ЛКО ведётся в организации «{organization}»: укажите --db postgres://…?organization={organization}",
             "the registry of ЛКО is kept in the organization `{organization}`: give --db postgres://…?organization={organization}")
        case .regionAlreadyRegistered: ("организация «{organization}» уже в реестре региона", "organization `{organization}` is in the region's registry already")
        case .regionNotRelated:
            ("обращение можно перенаправить только в подчинённую или вышестоящую организацию; «{to}» не является ни той, ни другой для «{from}» (реестр: `lko region list`)",
             "a case can be redirected only to a subordinate or the superior organization; `{to}` is neither for `{from}` (the registry: `lko region list`)")
        case .regionCaseExists:
            ("в ЛКО «{organization}» уже есть обращение {number}; перенаправление не выполнено",
             "ЛКО `{organization}` has case {number} already; nothing was redirected")
        case .regionUnknownCategory:
            ("в политике ЛКО «{organization}» нет рубрики {node}; перенаправление не выполнено — добавьте рубрику в её политику",
             "the policy of ЛКО `{organization}` has no category {node}; nothing was redirected — add the category to its policy")
        case .optRegionAbstract: ("Реестр ЛКО региона: организации и их подчинённость (PostgreSQL).", "The region's registry of ЛКО: organizations and who reports to whom (PostgreSQL).")
        case .optRegionAddAbstract: ("Внести ЛКО в реестр региона (администратор региона).", "Register an ЛКО in the region (a regional administrator).")
        case .optRegionListAbstract: ("Показать ЛКО региона, их подчинённость и день каждой: в работе, срок сегодня, просрочено.", "List the region's ЛКО, who reports to whom, and each one's day: open, due today, overdue.")
        case .optRegionTitle: ("Название организации, например «Администрация Луковниковского сельского поселения».", "The organization's title.")
        case .optRegionSuperior: ("Вышестоящая организация (её идентификатор).", "The superior organization (its identifier).")
        case .argRegionID: ("Идентификатор организации (её схема lko_ИД уже создана `lko init`).", "The organization's identifier (its schema lko_ID made by `lko init`).")
        case .optCaseOrganization:
            ("Перенаправить в другую ЛКО региона (подчинённую или вышестоящую): обращение перейдёт в её очередь с историей.",
             "Redirect into another ЛКО of the region (a subordinate or the superior): the case moves into its queue with its history.")
        case .cliRegionAdded: ("в реестр внесена {id} — «{title}»{superior}", "registered {id} — {title}{superior}")
        case .cliRegionEmpty: ("реестр региона пуст; внесите ЛКО: `lko region add ИД --title …`", "the region's registry is empty; register an ЛКО with `lko region add ID --title …`")
        case .errCommitOutcomeUnknown:
            ("связь с базой данных {address} прервалась во время сохранения, и проверить, сохранено ли изменение, не удалось; посмотрите историю обращения, прежде чем повторять",
             "the connection to the database {address} broke while the change was being saved, and whether it was could not be checked; look at the case's history before repeating it")
        case .cliRegionCounts:
            ("в работе {open}, срок сегодня {today}, просрочено {overdue}; записей журнала {entries}",
             "open {open}, due today {today}, overdue {overdue}; audit entries {entries}")
        case .auditEvCaseReceive: ("Поступление по перенаправлению из другой ЛКО", "Received by redirect from another ЛКО")
        case .auditEvRegionAdd: ("Внесение ЛКО в реестр региона", "ЛКО registered in the region")
        case .errRedirectOrganizationOnly: ("организацию-получателя указывают только при перенаправлении", "a receiving organization is given only with a redirect")
        // (end of section E templates)
        }
    }
}
