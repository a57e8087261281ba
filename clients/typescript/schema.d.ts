export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format). No token needed; keep it on the internal network. */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reference-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of each reference list and where to read it. */
        get: operations["ReferenceDataController_index"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reference-data/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One reference list (agencies, programmes, districts, offence-categories, legal-bases, road-maps, ...). */
        get: operations["ReferenceDataController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's coordination timeline across agencies: deadlines, information, conferences, custody, road maps. */
        get: operations["TimelineController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/worklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling coordinator's cases by urgency, with the reasons and counts. */
        get: operations["WorklistController_worklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The intake queue, for coordinators of the referral intake agency (BIF; anyone else 403): open cases waiting for a coordinator, oldest referral first. Take one with POST /cases/{caseId}/coordinator. */
        get: operations["IntakeController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/information-flow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per shared entry (and receiving agency) and per request: sent, acknowledged/answered/declined, by whom, the delay. */
        get: operations["InformationFlowController_caseFlow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/information-flow/delays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One closed calendar month: per agency pair, count, median and 90th percentile delay in hours, still unanswered at month end; small cells suppressed. */
        get: operations["InformationFlowController_delays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases you may see, most recently active first; filter by status, level, district, programme, coordinator, agency, eligibleOnly. */
        get: operations["CaseSummaryController_list"];
        put?: never;
        /** Refer a citizen to the municipal SSP+ intake. A citizen without a case gets one, which waits in the intake queue (GET /intake) until a coordinator takes it over; a referral of a citizen who already has a case is recorded on it for its coordinator. The answer is always 202 {"received": true}: no case id, whether or not the citizen had a case. */
        post: operations["CaseCommandsController_openCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case summary, with the case revision in `revision` and as a strong ETag ("<revision>") to send back as If-Match; 404 when the case does not exist or you may not see it. */
        get: operations["CaseSummaryController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/seal-openings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every break-glass opening of the sealed identity, newest first: who, for which agency, when and why. For the people named on the seal. */
        get: operations["SealOpeningsController_list"];
        put?: never;
        /** Open a sealed identity (break-glass): state why; for a few hours you see the name, birth date, district and sealed entries. Recorded in the audit log and shown to the people named on the seal. 409 when the case's identity is not sealed or you are named on it. */
        post: operations["SealOpeningsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/entry-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each agency's named entry point for this case (unit, person, phone, e-mail, since) and every change to it. */
        get: operations["CaseEntryPointsController_entryPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agency-directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every agency's standing entry points, and where referrals are received; `handles` filters by what they handle. */
        get: operations["AgencyDirectoryController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agency-directory/{agencyCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agency's standing entry points. */
        get: operations["AgencyDirectoryController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ssp-register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open SSP+ cases (level 3/4, in the age band today) you may see; filter by district, cityDistrict, programme, custody, coordinator. */
        get: operations["SspRegisterController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every effect measure in its current definition version: cohort, window and definition, and the programmes that picked it; lang=da gives the titles and texts in Danish. */
        get: operations["EffectsController_measures"];
        put?: never;
        /** Add a measure (effects administrators): body {code, title, anchor, windowMonths, predicate: {kind, ...}, programmes?}; predicate kinds are those the engine knows (GET /effects/measures shows them in use). Stored as version 1; a refused definition is a 400 naming the field and rule. */
        post: operations["EffectsController_addMeasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/measures/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One measure as of an instant, optionally broken down; format=csv for CSV. Small cells are suppressed. The report names the definition version it used (definitionVersion, and the Measure-Definition-Version header); definitionVersion=N runs it with an older one. */
        get: operations["EffectsController_report"];
        /** Change a measure (effects administrators): the body is the whole new definition (its code, if given, must be the path's); stored as the next version, every earlier one kept. ifVersion=N changes only over version N (409 otherwise). */
        put: operations["EffectsController_changeMeasure"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/measures/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every recorded version of a measure's definition, oldest first (version 1: as shipped, or as added). */
        get: operations["EffectsController_measureVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/measures/{code}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A measure's total as a series over measurement dates (the last day of each month or quarter, from..to); format=csv for CSV. A point that differs from the last shown one by a small group is hidden. */
        get: operations["EffectsController_series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/measures/{code}/series/chart.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The series as an SVG bar chart of the share at each measurement date; hidden points are labelled gaps. */
        get: operations["EffectsController_seriesChart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/measures/{code}/chart.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The measure as an SVG bar chart (by=period by default); suppressed cells are gaps labelled "<5". */
        get: operations["EffectsController_chart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status figures on a date for the people enrolled then: in a wage-subsidy job, in a job or education, self-sufficient, in custody; format=csv for CSV. Small cells suppressed across all four figures. */
        get: operations["EffectsController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/status/chart.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The status figures on a date as an SVG bar chart of the four shares; suppressed figures are labelled gaps. */
        get: operations["EffectsController_statusChart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/reductions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per person, charges and convictions in the N months before enrolment against the N after, for a programme's cohort (first enrolment in cohortYear) against a comparison group (previous-cohort or not-enrolled); Wilson 95 % intervals; a note when too small to compare; format=csv for CSV. */
        get: operations["EffectsController_reductions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/reductions/chart.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reductions as an SVG bar chart of the shares with fewer, with their 95 % intervals. */
        get: operations["EffectsController_reductionsChart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/staff-knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record staff units' knowledge assessments before/after training (VINK): per unit, never per citizen. Body {"assessments": [{programme, agency, unit, trainingId, phase, assessedOn, staffAssessed, meanScore}]}; all or nothing. */
        post: operations["EffectsController_recordStaffKnowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/effects/safety-index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each district's safety index for a year beside the area efforts (hotspot enrolments) there; small counts suppressed. */
        get: operations["EffectsController_safetyIndex"];
        put?: never;
        /** Import the district safety index from CSV (text/csv body, or JSON {"csv": "..."}); all or nothing. */
        post: operations["EffectsController_importSafetyIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the access log by case, user, agency, kind of access, declared purpose and period (paged, oldest first). */
        get: operations["AuditLogController_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/access-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which agencies accessed the case, when, how and why; without staff names (the citizen's right of access). */
        get: operations["AuditLogController_accessReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{caseId}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute one case stream's hash chain; names the first altered, missing or misplaced event. */
        get: operations["VerificationController_verifyCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute every stream's hash chain (reads the whole store; may take long). */
        get: operations["VerificationController_verifyStore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{caseId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's full event history with metadata; sealed fields opened, or "erased on DATE". */
        get: operations["ReplayController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{caseId}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case state as recorded at an instant, or in force on a date (as known now or at knownAt), with its SSP level then. */
        get: operations["ReplayController_state"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{caseId}/entries/{entryId}/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who knew what when about one shared entry: agencies that could see it, acknowledgements, and readers from the audit log. */
        get: operations["ReplayController_knowledge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/cases/{caseId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's history as plain sentences (those of the citizen's copy), with agency names, who did it, when it happened and when it was recorded. */
        get: operations["ReadableHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase the citizen's personal data (scope 'citizen', the case's municipal coordinator) or one agency's contributions (scope = that agency's code, its own users) by destroying their keys. */
        post: operations["CaseCommandsController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the case, with the reason. */
        post: operations["closeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed case, with the reason. */
        post: operations["reopenCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an SSP category assessment (1-4) with its rationale. */
        post: operations["assessSspCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/coordinator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Hand the case to another SSP+ coordinator. */
        put: operations["changeCoordinator"];
        /** Assign the SSP+ coordinator (the first time). */
        post: operations["assignCoordinator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/agencies/{agency}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring an agency onto the case, with its entry point for this case. */
        post: operations["joinCase"];
        /** Take an agency off the case (the agency itself or the coordinator). */
        delete: operations["leaveCase"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/agencies/{agency}/entry-point": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an agency's entry point on the case (the agency itself or the coordinator). */
        put: operations["changeEntryPoint"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/intake-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the municipality in: the referral intake unit (reference data) joins the case with its intake entry point; a case without a coordinator then waits in its intake queue (GET /intake). */
        post: operations["requestIntake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/programmes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enrol the citizen in a programme. */
        post: operations["enrolInProgramme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/programmes/{programmeCode}/exit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the citizen left a programme, and why. */
        post: operations["exitProgramme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share information from your agency with other agencies on the case. */
        post: operations["shareInformation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/entries/{entryId}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge receipt of an entry shared with your agency. */
        post: operations["acknowledgeInformation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask another agency on the case for information, with a due date and the legal basis. */
        post: operations["requestInformation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/requests/{requestId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a request made of your agency. */
        post: operations["answerInformationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/requests/{requestId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a request made of your agency, with the reason. */
        post: operations["declineInformationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a goal of the citizen's action plan. */
        post: operations["setGoal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an action to the plan, with the agency responsible and a due date. */
        post: operations["addAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/{actionId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an action done. */
        post: operations["completeAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/actions/{actionId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an action, with the reason. */
        post: operations["cancelAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/conferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a case conference: who was there and what was decided (decisions may create actions). */
        post: operations["recordCaseConference"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/custody": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the citizen entered custody (remand or a sentence), with the expected release. */
        post: operations["startCustody"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/custody/expected-release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move the expected release date. */
        put: operations["changeExpectedRelease"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/custody/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the release from custody. */
        post: operations["releaseFromCustody"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a charge (the police). */
        post: operations["recordCharge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/convictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a conviction and its sentence. */
        post: operations["recordConviction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/employments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the start of an employment (ordinary, wage subsidy, flexible job, ...). */
        post: operations["startEmployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/employments/{employmentId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the end of an employment. */
        post: operations["endEmployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/educations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the start of an education. */
        post: operations["startEducation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/educations/{educationId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that an education ended without completion. */
        post: operations["endEducation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/educations/{educationId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that an education was completed. */
        post: operations["completeEducation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/self-sufficiency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the citizen became self-sufficient, and through what. */
        post: operations["registerSelfSufficiency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/self-sufficiency/loss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the citizen is no longer self-sufficient. */
        post: operations["registerLossOfSelfSufficiency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/progression": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a progression assessment (a step on the progression scale). */
        post: operations["assessProgression"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place a legal hold (the case's coordinator): nothing about the case is erased until it is lifted. */
        post: operations["placeLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/legal-holds/{holdId}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a legal hold (the case's coordinator, or the agency that placed it). */
        post: operations["liftLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/citizen-copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The citizen's copy (GDPR art. 15): personal data, the case's history and the access report. */
        get: operations["CitizenCopyController_copy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of each component (database, event store, projections); 503 when one is down. No token needed. */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. No token needed. */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and event store answer (503 otherwise). No token needed. */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: your new notifications as they are stored (event `notification`, `id:` = sequence; send Last-Event-ID to resume). */
        get: operations["NotificationsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications and your units' (newest first): filter by unread/read, kind, case; paged. */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your notifications (the link in a notification mail). */
        get: operations["NotificationsController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read (for you; colleagues in your unit keep their own marks). */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge the shared information a notification is about: the case command AcknowledgeInformation, through the one gate, as you; marks it read. */
        post: operations["NotificationsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your agency's entry points and how each gets notification mail (immediately or as a daily digest). */
        get: operations["NotificationsController_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notification-settings/{entryPoint}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose how one of your agency's entry points gets notification mail (coordinators and liaisons of the agency). */
        put: operations["NotificationsController_setSetting"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook subscription (without secrets). */
        get: operations["WebhookSubscriptionsController_list"];
        put?: never;
        /** Subscribe an agency's system: its unit notifications are POSTed to the URL, signed with a secret made for this subscription (shown once). */
        post: operations["WebhookSubscriptionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-subscriptions/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook deliveries that failed their last attempt, with why (oldest first). */
        get: operations["WebhookSubscriptionsController_deadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-subscriptions/dead-letters/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead-lettered delivery again (a fresh round of attempts, same webhook-id). */
        post: operations["WebhookSubscriptionsController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Development only: mail kept in the local catch-all because no SMTP server is configured (newest first, at most 200). */
        get: operations["DevMailController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ReferenceDataVersionsDto: {
            agencies: string;
            programmes: string;
            districts: string;
            offenceCategories: string;
            legalBases: string;
            roadMaps: string;
            progressionScale: string;
            escalationRules: string;
        };
        ReferenceListLinkDto: {
            /** @description The list's URL segment (kebab-case). */
            name: string;
            href: string;
        };
        ReferenceDataIndexDto: {
            versions: components["schemas"]["ReferenceDataVersionsDto"];
            lists: components["schemas"]["ReferenceListLinkDto"][];
        };
        ReferenceDataListDto: {
            /** @description The list's entries as loaded (each list has its own fields: code, names in Danish and English, ...). */
            items: {
                [key: string]: unknown;
            }[];
        };
        ErasedDetailDto: {
            erasedAt: string;
        };
        TimelineRoadMapDto: {
            code: string;
            item: string;
        };
        TimelineItemDto: {
            /** @enum {string} */
            kind: "acknowledgement" | "action" | "conference" | "custody-start" | "erasure" | "escalation" | "information-answer" | "information-request" | "information-share" | "referral" | "release" | "road-map";
            /** @enum {string} */
            status: "done" | "done-late" | "due" | "ended" | "overdue";
            /** @description The personal text opened for the reader, `{ erasedAt }` once erased, or null when unreadable. */
            detail: (string | null) | components["schemas"]["ErasedDetailDto"];
            itemId: string;
            /** @description Where the item sits: its deadline while open, the day it happened or was met otherwise. */
            on: string;
            dueOn: string | null;
            doneOn: string | null;
            /** @description How it was done: completed, cancelled, sent, acknowledged, answered, declined, held, met, ended (no longer applies), ... */
            resolution: string | null;
            ownerAgency: string | null;
            /** @description What the item is, in the language asked for (`lang`: da or en, English by default). */
            title: string | null;
            relatedId: string | null;
            roadMap: components["schemas"]["TimelineRoadMapDto"] | null;
        };
        TimelinePageInfoDto: {
            limit: number;
            offset: number;
            /** @description How many items match; null when asked with total=false. */
            total: number | null;
            /** @description The cursor of the next page (pass it as after=), or null on the last page. */
            next: string | null;
        };
        TimelinePageDto: {
            items: components["schemas"]["TimelineItemDto"][];
            page: components["schemas"]["TimelinePageInfoDto"];
        };
        DisclosedNameDto: {
            /** @description The citizen's name, for a reader who may see it. */
            value?: string;
            /** @description The citizen's personal data was erased at this instant. */
            erasedAt?: string;
            /** @description A sealed identity (exit programme) hides the name from this reader. */
            sealed?: boolean;
            /** @description The name could not be opened (its key is gone). */
            unreadable?: boolean;
        };
        WorklistRowDto: {
            reasons: ("escalated-flows" | "no-recent-conference" | "overdue-items" | "referral-received" | "release-coming-up" | "stalled-flows" | "unacknowledged-information")[];
            caseId: string;
            /** @description The citizen's name as you may see it (as on GET /cases: a sealed identity reads `{ sealed: true }`); null while the case summary catches up with a new case. */
            name: components["schemas"]["DisclosedNameDto"] | null;
            overdueItems: number;
            /** @description The expected release within the horizon, if any. */
            releaseOn: string | null;
            sspLevel: number | null;
            lastConferenceOn: string | null;
            unacknowledgedInformation: number;
            /** @description Referrals of the citizen received within `referralsWithinDays` (another agency referred them again). */
            referralsReceived: number;
            /** @description Open exchanges escalated under the escalation rules. */
            escalatedFlows: number;
            /** @description Open exchanges chased under the escalation rules (reminded or escalated). */
            stalledFlows: number;
        };
        PageInfoDto: {
            limit: number;
            offset: number;
            total: number;
        };
        WorklistPageDto: {
            items: components["schemas"]["WorklistRowDto"][];
            page: components["schemas"]["PageInfoDto"];
        };
        IntakeCaseDto: {
            caseId: string;
            /** @description The agency whose referral opened the case. */
            referredBy: string;
            /** @description When the referral opened the case (the queue's order: oldest first). */
            referredAt: string;
            /** @description The real-world day (YYYY-MM-DD) the case was opened where it was recorded later (imported history); null otherwise. */
            openedOn: string | null;
            /** @description The citizen's age today in a band of three years ("18-20", "under-18"); null once erased. */
            ageBand: string | null;
            /** @description Null where the identity is sealed (exit programme) from the reader, and once erased. */
            districtCode: string | null;
            /** @description The latest SSP category assessment, if any. */
            sspLevel: number | null;
            /** @description The agencies on the case now (the intake's own among them). */
            agencies: string[];
        };
        IntakePageInfoDto: {
            limit: number;
            offset: number;
            total: number;
        };
        IntakePageDto: {
            items: components["schemas"]["IntakeCaseDto"][];
            page: components["schemas"]["IntakePageInfoDto"];
        };
        InformationFlowItemDto: {
            /** @enum {string} */
            kind: "request" | "share";
            /**
             * @description acknowledged (a share), answered or declined (a request); null while open.
             * @enum {string|null}
             */
            outcome: "acknowledged" | "answered" | "declined" | null;
            /** @description The shared entry's id or the request's id. */
            id: string;
            fromAgency: string;
            toAgency: string;
            /** @description When it was sent in the real world: the recorded instant, or the start of the day (Copenhagen) that history gave (sharedOn, requestedOn). */
            sentAt: string;
            /** @description When it was recorded (entered the log). */
            sentRecordedAt: string;
            sentBy: string;
            /** @description When it was responded to in the real world (acknowledgedOn's day, when recorded later); null while open. */
            respondedAt: string | null;
            /** @description When the response was recorded; null while open. */
            respondedRecordedAt: string | null;
            respondedBy: string | null;
            declineReason: string | null;
            /** @description Hours from sent to responded, real-world instants; null while open. */
            delayHours: number | null;
            /** @description Hours an open item has waited so far (read time); null once responded. */
            waitingHours: number | null;
            /** @description Whole minutes from sent to responded; null while open. */
            delayMinutes: number | null;
            /** @description Whole minutes an open item has waited so far (read time); null once responded. */
            waitingMinutes: number | null;
        };
        InformationFlowPageDto: {
            items: components["schemas"]["InformationFlowItemDto"][];
            page: components["schemas"]["PageInfoDto"];
        };
        DelayPeriodDto: {
            /** @description yyyy-mm */
            month: string;
            /** @description First and last day of the month (yyyy-mm-dd). */
            from: string;
            to: string;
        };
        DelayTotalDto: {
            count: number | string;
            unacknowledged: number | string;
        };
        DelayCellDto: {
            /** @enum {string} */
            kind: "request" | "share";
            count: number | string;
            unacknowledged: number | string;
            fromAgency: string;
            toAgency: string;
            medianHours: number | null;
            p90Hours: number | null;
        };
        DelayStatisticsDto: {
            period: components["schemas"]["DelayPeriodDto"];
            /** @description How small counts are hidden, in words. */
            suppression: string;
            total: components["schemas"]["DelayTotalDto"];
            items: components["schemas"]["DelayCellDto"][];
        };
        ErasedCitizenDto: {
            erasedAt: string;
        };
        SspLevelDto: {
            level: number;
            assessedOn: string;
        };
        AgeBandDto: {
            minAge: number;
            maxAge: number;
        };
        SspPlusEligibilityDto: {
            /** @description Why the case is not eligible, as reason codes (CITIZEN_DATA_ERASED, ...). */
            reasons: string[];
            eligible: boolean;
            onDate: string;
            /** @description Null once the citizen was erased, and where a sealed identity hides it from the reader. */
            age: number | null;
            ageBand: components["schemas"]["AgeBandDto"];
            gangConflict: boolean;
        };
        CaseCoordinatorDto: {
            userId: string;
            agency: string | null;
        };
        CustodyDto: {
            /** @enum {string} */
            status: "none" | "remand" | "sentence";
            institution?: string;
            startedOn?: string;
            expectedReleaseOn?: string | null;
        };
        CaseSummaryDto: {
            caseId: string;
            /** @enum {string} */
            status: "closed" | "open";
            openedAt: string;
            /** @description The real-world day (YYYY-MM-DD) the case was opened where it was recorded later (imported history); null otherwise. */
            openedOn: string | null;
            closedAt: string | null;
            closeReason: string | null;
            referredBy: string;
            name: components["schemas"]["DisclosedNameDto"];
            /** @description Null, like districtCode, once the citizen was erased, and for readers a sealed identity hides it from. */
            birthDate: string | null;
            districtCode: string | null;
            /** @description The citizen's age today in a band of three years ("18-20"). Null once erased. */
            ageBand: string | null;
            /** @description Set once the citizen's personal data was erased. */
            citizen: components["schemas"]["ErasedCitizenDto"] | null;
            sspLevel: components["schemas"]["SspLevelDto"] | null;
            sspPlus: components["schemas"]["SspPlusEligibilityDto"];
            coordinator: components["schemas"]["CaseCoordinatorDto"] | null;
            agencies: string[];
            programmes: string[];
            custody: components["schemas"]["CustodyDto"];
            openActions: number;
            openRequests: number;
            lastActivityAt: string;
            /** @description The case's revision this summary shows (also its ETag, "<revision>"): send it as If-Match to write only over what you have read. */
            revision: number;
        };
        CaseSummaryPageDto: {
            items: components["schemas"]["CaseSummaryDto"][];
            page: components["schemas"]["PageInfoDto"];
        };
        OpenSealDto: {
            /** @description Why you must see the sealed identity (10 to 500 characters). It is kept in the audit log and shown to the people named on the seal. */
            reason: string;
        };
        SealOpenedDto: {
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            openedAt: string;
            /**
             * Format: date-time
             * @description The opening lasts 4 hours; open it again with a new reason after that.
             */
            openUntil: string;
        };
        SealOpeningDto: {
            userId: string;
            agency: string;
            roles: string[];
            /** Format: date-time */
            at: string;
            reason: string;
            purpose: string;
        };
        SealOpeningsDto: {
            /** Format: uuid */
            caseId: string;
            openings: components["schemas"]["SealOpeningDto"][];
        };
        CurrentEntryPointDto: {
            since: string;
            unit: string;
            contactPerson?: string;
            phone: string;
            email: string;
        };
        EntryPointViewDto: {
            unit: string;
            contactPerson?: string;
            phone: string;
            email: string;
        };
        EntryPointChangeDto: {
            /** @enum {string} */
            change: "changed" | "joined" | "left";
            from: components["schemas"]["EntryPointViewDto"] | null;
            to: components["schemas"]["EntryPointViewDto"] | null;
            at: string;
        };
        AgencyEntryPointDto: {
            agency: string;
            agencyName: string | null;
            /** @description False for an agency that has left the case: its history stays, it has no current contact. */
            onCase: boolean;
            current: components["schemas"]["CurrentEntryPointDto"] | null;
            /** @description Oldest first. */
            history: components["schemas"]["EntryPointChangeDto"][];
        };
        CaseEntryPointsDto: {
            caseId: string;
            agencies: components["schemas"]["AgencyEntryPointDto"][];
        };
        StandingEntryPointDto: {
            /** @description What this entry point handles (the `handles` filter of GET /agency-directory). */
            handles: string[];
            /** @description The same lines in Danish, as many and in the same order. */
            handlesDa: string[];
            code: string;
            unit: string;
            functionMailbox: string;
            phone: string;
        };
        LocalisedNameDto: {
            da: string;
            en: string;
        };
        AgencyDto: {
            /** @enum {string} */
            kind: "municipal-administration" | "police" | "prison-and-probation";
            /**
             * @description Which data-protection regime the agency's facts fall under.
             * @enum {string}
             */
            controllerRegime: "gdpr" | "law-enforcement";
            /** @description Never empty: the first is the agency's default entry point. */
            entryPoints: components["schemas"]["StandingEntryPointDto"][];
            code: string;
            name: components["schemas"]["LocalisedNameDto"];
        };
        ReferralIntakeDto: {
            agency: string;
            /** @description The code of its entry point. */
            entryPoint: string;
        };
        AgencyDirectoryDto: {
            items: components["schemas"]["AgencyDto"][];
            referralIntake: components["schemas"]["ReferralIntakeDto"];
        };
        SspRegisterEntryDto: {
            caseId: string;
            name: components["schemas"]["DisclosedNameDto"];
            /** @description Null, with districtCode and cityDistrict, where a sealed identity hides them from the reader. */
            birthDate: string | null;
            ageBand: string | null;
            sspLevel: components["schemas"]["SspLevelDto"];
            sspPlus: components["schemas"]["SspPlusEligibilityDto"];
            districtCode: string | null;
            cityDistrict: string | null;
            programmes: string[];
            custody: components["schemas"]["CustodyDto"];
            coordinator: components["schemas"]["CaseCoordinatorDto"] | null;
            agencies: string[];
            openActions: number;
            openRequests: number;
            lastActivityAt: string;
        };
        SspRegisterPageDto: {
            items: components["schemas"]["SspRegisterEntryDto"][];
            page: components["schemas"]["PageInfoDto"];
        };
        CurrentMeasureDto: {
            /** @enum {string} */
            anchor: "effort-start" | "enrolment" | "release" | "training";
            predicate: {
                /** @enum {string} */
                kind: "area-safety-index" | "employment-started" | "ever-wage-subsidy" | "information-delay" | "labour-market-status-at" | "plan-action-added" | "programme-completed" | "progression-gain" | "recidivism-charge" | "recidivism-conviction" | "recidivism-dangerous" | "release-to-jobcentre-days" | "self-sufficient-at" | "staff-knowledge-gain";
            } & {
                [key: string]: unknown;
            };
            /**
             * @description What the figures count: people (cases), staff units (VINK) or areas (the safety index).
             * @enum {string}
             */
            counts: "areas" | "people" | "staff-units";
            definitionVersion: number;
            code: string;
            title: string;
            cohort: string;
            window: string;
            definition: string;
            windowMonths: number;
            /** @description Programmes that picked the measure in reference data. */
            programmes: string[];
        };
        MeasureListDto: {
            /** @description The measure catalogue's version. */
            version: string;
            suppressionThreshold: number;
            measures: components["schemas"]["CurrentMeasureDto"][];
        };
        MeasureVersionRecordedDto: {
            code: string;
            definitionVersion: number;
        };
        MeasureDescriptionDto: {
            /** @enum {string} */
            anchor: "effort-start" | "enrolment" | "release" | "training";
            predicate: {
                /** @enum {string} */
                kind: "area-safety-index" | "employment-started" | "ever-wage-subsidy" | "information-delay" | "labour-market-status-at" | "plan-action-added" | "programme-completed" | "progression-gain" | "recidivism-charge" | "recidivism-conviction" | "recidivism-dangerous" | "release-to-jobcentre-days" | "self-sufficient-at" | "staff-knowledge-gain";
            } & {
                [key: string]: unknown;
            };
            /**
             * @description What the figures count: people (cases), staff units (VINK) or areas (the safety index).
             * @enum {string}
             */
            counts: "areas" | "people" | "staff-units";
            code: string;
            title: string;
            cohort: string;
            window: string;
            definition: string;
            windowMonths: number;
            /** @description Programmes that picked the measure in reference data. */
            programmes: string[];
        };
        MeasureDefinitionVersionDto: {
            code: string;
            version: number;
            recordedAt: string;
            recordedBy: string;
            definition: components["schemas"]["MeasureDescriptionDto"];
        };
        MeasureVersionsDto: {
            code: string;
            /** @description Oldest first. */
            versions: components["schemas"]["MeasureDefinitionVersionDto"][];
        };
        PublishedCellDto: {
            people: number | string;
            count: number | string;
            key: string;
            share: number | null;
            /** @description Only for kinds that measure an amount. */
            median?: number | null;
            suppressed: boolean;
        };
        MeasureReportDto: {
            /** @enum {string|null} */
            periodGrain: "quarter" | "year" | null;
            /** @enum {string} */
            lang: "da" | "en";
            /** @description Cell key → readable label in `lang`. */
            labels: {
                [key: string]: string;
            };
            measure: components["schemas"]["MeasureDescriptionDto"];
            asOf: string;
            measurementDate: string;
            programmeFilter: string | null;
            breakdown: string | null;
            suppression: string;
            total: components["schemas"]["PublishedCellDto"];
            cells: components["schemas"]["PublishedCellDto"][];
            definitionVersion: number;
            /**
             * @description In `lang`, when people are counted in an `unknown` city district or age band: their district or
             *     birth date is not known (erased, or sealed under a key this server does not hold). Null otherwise.
             */
            note: string | null;
        };
        SafetyIndexRowDto: {
            /** @description Share victimised, per crime type. */
            victimisation: {
                "violence-threats": number;
                burglary: number;
                theft: number;
                narcotics: number;
                vandalism: number;
                harassment: number;
            };
            districtCode: string;
            year: number;
            feltSafety: number;
        };
        AreaMeasureRowDto: {
            /** @enum {string} */
            area: "district" | "estate";
            before: components["schemas"]["SafetyIndexRowDto"] | null;
            after: components["schemas"]["SafetyIndexRowDto"] | null;
            programme: string;
            areaCode: string;
            areaName: string;
            effortStartedOn: string;
            beforeYear: number;
            /** @description Null while the window's last day is after the measurement date. */
            afterYear: number | null;
            /** @description After minus before, in points of felt safety; null unless both years have an index. */
            feltSafetyChange: number | null;
            note: string | null;
        };
        AreaMeasureReportDto: {
            /** @enum {string} */
            lang: "da" | "en";
            measure: components["schemas"]["MeasureDescriptionDto"];
            asOf: string;
            measurementDate: string;
            programmeFilter: string | null;
            /** @description The version of reference data estates.json. */
            estatesVersion: string;
            areas: components["schemas"]["AreaMeasureRowDto"][];
            definitionVersion: number;
        };
        SeriesPointDto: {
            people: number | string;
            count: number | string;
            key: string;
            share: number | null;
            /** @description Only for kinds that measure an amount. */
            median?: number | null;
            suppressed: boolean;
            measurementDate: string;
        };
        MeasureSeriesDto: {
            /** @enum {string} */
            grain: "month" | "quarter";
            /** @description The measure's code. */
            measure: string;
            asOf: string;
            programmeFilter: string | null;
            suppression: string;
            points: components["schemas"]["SeriesPointDto"][];
            definitionVersion: number;
        };
        StatusFigureCellsDto: {
            /** @enum {string} */
            status: "in-custody" | "job-or-education" | "self-sufficient" | "wage-subsidy-job";
            definition: string;
            total: components["schemas"]["PublishedCellDto"];
            cells: components["schemas"]["PublishedCellDto"][];
        };
        StatusReportDto: {
            /** @enum {string|null} */
            breakdown: "ageBand" | "cityDistrict" | "level" | "programme" | null;
            /** @enum {string} */
            lang: "da" | "en";
            /** @description Status figure → readable label in `lang`. */
            statusLabels: {
                [key: string]: string;
            };
            /** @description Cell key → readable label in `lang`. */
            labels: {
                [key: string]: string;
            };
            date: string;
            asOf: string;
            population: string;
            programmeFilter: string | null;
            suppression: string;
            figures: components["schemas"]["StatusFigureCellsDto"][];
        };
        IntervalDto: {
            estimate: number;
            low: number;
            high: number;
        };
        OffenceReductionDto: {
            before: number | string;
            after: number | string;
            fewer: number | string;
            shareFewer: components["schemas"]["IntervalDto"] | null;
            meanChange: components["schemas"]["IntervalDto"] | null;
        };
        GroupReductionDto: {
            people: number | string;
            group: string;
            charges: components["schemas"]["OffenceReductionDto"];
            convictions: components["schemas"]["OffenceReductionDto"];
        };
        ReductionComparisonDto: {
            chargesShareFewerDifference: components["schemas"]["IntervalDto"] | null;
            convictionsShareFewerDifference: components["schemas"]["IntervalDto"] | null;
            note: string | null;
        };
        ReductionReportDto: {
            /** @enum {string} */
            comparisonKind: "not-enrolled" | "previous-cohort";
            /** @enum {string} */
            lang: "da" | "en";
            /** @description Readable labels in the language, by key: the programme code, the groups (cohort, previous-cohort or not-enrolled) and the offences (charges, convictions). */
            labels: {
                [key: string]: string;
            };
            programme: string;
            cohortYear: number;
            months: number;
            asOf: string;
            measurementDate: string;
            definition: string;
            suppression: string;
            cohort: components["schemas"]["GroupReductionDto"];
            comparison: components["schemas"]["GroupReductionDto"];
            difference: components["schemas"]["ReductionComparisonDto"];
        };
        StaffKnowledgeRecordedDto: {
            recorded: number;
        };
        SafetyIndexImportedDto: {
            imported: number;
        };
        AreaEffortEnrolmentDto: {
            enrolled: number | string;
            programme: string;
        };
        DistrictSafetyViewDto: {
            safetyIndex: components["schemas"]["SafetyIndexRowDto"] | null;
            districtCode: string;
            districtName: string | null;
            cityDistrict: string | null;
            geography: string | null;
            /** @description People enrolled in each area effort during the year, among citizens living in the district. */
            areaEfforts: components["schemas"]["AreaEffortEnrolmentDto"][];
        };
        DistrictSafetyDto: {
            year: number;
            districts: components["schemas"]["DistrictSafetyViewDto"][];
        };
        AuditRecordDto: {
            /** @enum {string} */
            action: "change" | "export" | "notify" | "open-seal" | "read" | "search";
            /** @description The query parameters as the log keeps them: strings and lists of strings. */
            criteria: {
                [key: string]: string | string[];
            };
            /** @enum {string} */
            purpose: "audit" | "case-work" | "citizen-access-request" | "coordination" | "criminal-investigation";
            id: string;
            requestId: string | null;
            userId: string;
            agency: string;
            roles: string[];
            method: string;
            route: string;
            caseId: string | null;
            entryId: string | null;
            /** @description The HTTP status answered. */
            outcome: number;
            recordedAt: string;
        };
        AuditLogPageDto: {
            items: components["schemas"]["AuditRecordDto"][];
            limit: number;
            offset: number;
            /** @description Pass as offset for the next page; null on the last page. */
            nextOffset: number | null;
        };
        AccessReportLineDto: {
            /** @enum {string} */
            action: "change" | "export" | "notify" | "open-seal" | "read" | "search";
            /** @enum {string} */
            purpose: "audit" | "case-work" | "citizen-access-request" | "coordination" | "criminal-investigation";
            agency: string;
            agencyName: string;
            at: string;
        };
        AccessReportDto: {
            caseId: string;
            accesses: components["schemas"]["AccessReportLineDto"][];
        };
        BrokenLinkDto: {
            /** @description The event's type as stored (for a head mismatch, the last event's; null if none is). */
            eventType: string | null;
            /** @enum {string} */
            problem: "hash-mismatch" | "head-mismatch" | "revision-gap";
            streamId: string;
            /** @description The event's revision; for a head mismatch, the last event still there (null if none is). */
            revision: number | null;
            eventId: string | null;
            /** @description es_events.global_position, as a decimal string. */
            globalPosition: string | null;
        };
        CaseVerificationResultDto: {
            caseId: string;
            ok: boolean;
            eventsChecked: number;
            firstBroken?: components["schemas"]["BrokenLinkDto"];
        };
        VerificationResultDto: {
            ok: boolean;
            eventsChecked: number;
            firstBroken?: components["schemas"]["BrokenLinkDto"];
        };
        ReplayedEventDto: {
            /** @description The event's metadata as recorded (who, which agency, correlation). */
            metadata: {
                [key: string]: unknown;
            };
            /** @description The event's data with every sealed field opened, or "erased on DATE"; its fields depend on `type`. */
            data: {
                [key: string]: unknown;
            };
            revision: number;
            eventId: string;
            type: string;
            schemaVersion: number;
            recordedAt: string;
            /** @description Stream position in the whole store, as a decimal string (a bigint). */
            globalPosition: string;
        };
        ReplayedEventsDto: {
            caseId: string;
            events: components["schemas"]["ReplayedEventDto"][];
        };
        CaseStateAsOfDto: {
            /** @description The date axis: the Copenhagen day the state is in force on, by the dates facts carry (null: not asked). */
            inForceOn?: string | null;
            /** @description The SSP level on that day (or of the latest assessment known), by assessment dates; null when none. */
            sspLevel?: number | null;
            /** @description The folded case state as JSON (the decider's state, maps as objects), sealed fields opened. */
            state: {
                [key: string]: unknown;
            };
            caseId: string;
            /** @description Null when no instant was given: the state after every event. */
            asOf: string | null;
            /** @description Revision of the last event folded in; null when the case had no event yet at that instant. */
            revision: number | null;
            eventsApplied: number;
        };
        EntryCouldSeeDto: {
            /** @enum {string} */
            as: "author" | "recipient";
            agency: string;
            since: string;
            leftCaseAt: string | null;
        };
        EntryAcknowledgementDto: {
            agency: string;
            at: string;
        };
        EntryReaderDto: {
            /**
             * @description 'entry': a request on the entry's own route; 'listing': a listing of the case's entries after it was shared.
             * @enum {string}
             */
            via: "entry" | "listing";
            userId: string;
            agency: string;
            roles: string[];
            at: string;
            action: string;
            route: string;
            purpose: string;
        };
        EntryNotifiedDto: {
            userId: string;
            agency: string;
            at: string;
            channel: string;
        };
        EntryKnowledgeDto: {
            caseId: string;
            entryId: string;
            sharedAt: string;
            authorAgency: string;
            sharedWith: string[];
            sensitivity: string;
            legalBasis: string;
            purpose: string;
            /** @description Agencies the access policy lets see the entry (author and recipients). */
            couldSee: components["schemas"]["EntryCouldSeeDto"][];
            acknowledgedBy: components["schemas"]["EntryAcknowledgementDto"][];
            /** @description Users who read it, from the audit log. */
            readBy: components["schemas"]["EntryReaderDto"][];
            /** @description Who was told of the entry by a notification (its existence, not its content). */
            notified: components["schemas"]["EntryNotifiedDto"][];
        };
        ReadableHistoryDetailDto: {
            label: string;
            text: string;
        };
        ReadableHistoryEntryDto: {
            /** @description A real-world date (`{date: yyyy-mm-dd}`) or the instant the agency recorded it (`{instant}`). */
            happened: {
                date: string;
            } | {
                instant: string;
            };
            revision: number;
            eventId: string;
            /** @description The event's name, for auditors who go on to the raw history. */
            type: string;
            recordedAt: string;
            agency: string | null;
            agencyName: string;
            /** @description The user (or system job) that made the change. */
            actor: string | null;
            text: string;
            details: components["schemas"]["ReadableHistoryDetailDto"][];
        };
        ReadableHistoryDto: {
            /** @enum {string} */
            lang: "da" | "en";
            caseId: string;
            events: components["schemas"]["ReadableHistoryEntryDto"][];
        };
        EntryPointDto: {
            /** @description The unit in the agency that handles this case. */
            unit: string;
            contactPerson?: string;
            phone: string;
            /** Format: email */
            email: string;
        };
        OpenCaseDto: {
            /** @description The citizen's CPR number, DDMMYY-SSSS. Stored encrypted; looked up by keyed hash only. */
            cpr: string;
            name: string;
            birthDate: string;
            districtCode: string;
            /** @description Why the citizen is referred. Personal data: stored encrypted. */
            reason: string;
            referrerEntryPoint?: components["schemas"]["EntryPointDto"];
        };
        ReferralReceivedDto: {
            received: boolean;
        };
        EraseCitizenDataDto: {
            /** @description 'citizen' for everything about the citizen, or an agency code for that agency's contributions only. */
            scope: string;
            /**
             * @description Why; a code, so the erasure record itself holds no personal data.
             * @enum {string}
             */
            reason: "erasure-request" | "other" | "retention-expired" | "unlawful-processing";
        };
        ErasureAcceptedDto: {
            caseId: string;
            /** @description 'citizen' or the agency code whose contributions were erased. */
            scope: string;
            /** @description When the CitizenDataErased event was recorded (the original one on a replay). */
            erasedAt: string;
            /** @description Data keys destroyed by this call; 0 when an earlier call had already destroyed them. */
            keysDestroyed: number;
            replayed: boolean;
            revision: number | null;
            position: string | null;
        };
        CloseCaseDto: {
            /** @enum {string} */
            reason: "aged-out" | "deceased" | "declined-cooperation" | "goals-achieved" | "moved-out-of-municipality" | "no-longer-needed" | "other";
            note?: string;
        };
        CommandAcceptedDto: {
            caseId: string;
            /** @description The case stream's revision after the command: send it back in If-Match to guard the next one. */
            revision: number | null;
            /** @description Global position of the write: pass it as `consistentWith` to read your own write. */
            position: string | null;
            /** @description True when this request repeated an earlier one with the same Idempotency-Key. */
            replayed: boolean;
        };
        ReopenCaseDto: {
            reason: string;
        };
        AssessSspCategoryDto: {
            /** @enum {number} */
            level: 1 | 2 | 3 | 4;
            rationale: string;
            assessedOn: string;
        };
        AssignCoordinatorDto: {
            coordinatorId: string;
            agency: string;
        };
        JoinCaseDto: {
            entryPoint?: components["schemas"]["EntryPointDto"];
        };
        ChangeEntryPointDto: {
            entryPoint: components["schemas"]["EntryPointDto"];
        };
        EnrolInProgrammeDto: {
            programmeCode: string;
            startedOn: string;
        };
        ExitProgrammeDto: {
            endedOn: string;
            /** @enum {string} */
            exitReason: "completed" | "dropped-out" | "moved" | "no-longer-eligible" | "other" | "transferred";
        };
        ShareInformationDto: {
            /** Format: uuid */
            entryId: string;
            sharedWith: string[];
            legalBasis: string;
            /** @enum {string} */
            purpose: "crime-prevention" | "criminal-investigation";
            /** @enum {string} */
            sensitivity: "normal" | "sealed-identity" | "sensitive";
            summary: string;
            /** @description The day it was shared, when recorded later (history); not in the future. */
            sharedOn?: string;
        };
        RequestInformationDto: {
            /** Format: uuid */
            requestId: string;
            toAgency: string;
            question: string;
            dueDate: string;
            legalBasis: string;
            /** @description The day the request was made, when recorded later (history); not in the future, due on or after it. */
            requestedOn?: string;
        };
        AnswerInformationRequestDto: {
            answer: string;
        };
        DeclineInformationRequestDto: {
            /** @enum {string} */
            reason: "no-information" | "no-legal-basis" | "not-necessary" | "other";
            note?: string;
        };
        SetGoalDto: {
            /** Format: uuid */
            goalId: string;
            /** @enum {string} */
            area: "education" | "employment" | "finances" | "health" | "housing" | "leisure" | "network" | "other" | "substance-use";
            description: string;
        };
        AddActionDto: {
            /** Format: uuid */
            actionId: string;
            /** Format: uuid */
            goalId?: string;
            title: string;
            responsibleAgency: string;
            dueDate: string;
        };
        CompleteActionDto: {
            completedOn: string;
        };
        CancelActionDto: {
            reason: string;
        };
        ConferenceActionDto: {
            /** Format: uuid */
            actionId: string;
            responsibleAgency: string;
            dueDate: string;
            title: string;
        };
        ConferenceDecisionDto: {
            /** Format: uuid */
            decisionId: string;
            text: string;
            createsAction?: components["schemas"]["ConferenceActionDto"];
        };
        RecordCaseConferenceDto: {
            /** Format: uuid */
            conferenceId: string;
            heldOn: string;
            agenciesPresent: string[];
            decisions: components["schemas"]["ConferenceDecisionDto"][];
        };
        StartCustodyDto: {
            /** Format: uuid */
            custodyId: string;
            /** @enum {string} */
            kind: "remand" | "sentence";
            institution: string;
            startedOn: string;
            expectedReleaseOn?: string;
        };
        ChangeExpectedReleaseDto: {
            expectedReleaseOn: string;
        };
        ReleaseFromCustodyDto: {
            releasedOn: string;
            conditional: boolean;
        };
        RecordChargeDto: {
            /** Format: uuid */
            chargeId: string;
            offenceCategory: string;
            chargedOn: string;
        };
        RecordConvictionDto: {
            /** Format: uuid */
            convictionId: string;
            /** Format: uuid */
            chargeId?: string;
            offenceCategory: string;
            convictedOn: string;
            sentence: string;
        };
        StartEmploymentDto: {
            /** Format: uuid */
            employmentId: string;
            /** @enum {string} */
            kind: "flexible" | "internship" | "ordinary" | "wage-subsidy";
            startedOn: string;
        };
        EndEmploymentDto: {
            endedOn: string;
        };
        StartEducationDto: {
            /** Format: uuid */
            educationId: string;
            /** @enum {string} */
            kind: "course" | "higher" | "lower-secondary" | "preparatory" | "upper-secondary" | "vocational";
            startedOn: string;
        };
        EndEducationDto: {
            endedOn: string;
        };
        CompleteEducationDto: {
            completedOn: string;
        };
        RegisterSelfSufficiencyDto: {
            reachedOn: string;
            /** @enum {string} */
            through: "education" | "employment" | "other";
        };
        RegisterLossOfSelfSufficiencyDto: {
            lostOn: string;
        };
        AssessProgressionDto: {
            step: number;
            assessedOn: string;
            note?: string;
        };
        PlaceLegalHoldDto: {
            /**
             * Format: uuid
             * @description Chosen by the caller, so a retried request places the same hold.
             */
            holdId: string;
            /** @description Why the data must be kept (a court case, a complaint). Stored encrypted with the citizen's key. */
            reason: string;
        };
        CitizenCopyCitizenDto: {
            name: {
                /** @enum {string} */
                status: "available";
                value: string;
            } | {
                /** @enum {string} */
                status: "erased" | "withheld";
                note: string;
            } | {
                /** @enum {string} */
                status: "unreadable";
            };
            cpr: {
                /** @enum {string} */
                status: "available";
                value: string;
            } | {
                /** @enum {string} */
                status: "erased" | "withheld";
                note: string;
            } | {
                /** @enum {string} */
                status: "unreadable";
            };
            birthDate: string | null;
            districtCode: string | null;
        };
        CitizenCopyErasureDto: {
            scope: string;
            reason: string;
            erasedAt: string;
        };
        CitizenCopyCaseDto: {
            status: string;
            openedAt: string | null;
            closedAt: string | null;
            referredBy: string | null;
            /** @description The SSP+ coordinator's staff id: the person the citizen deals with. */
            coordinatorId: string | null;
            agencies: string[];
            activeLegalHolds: number;
            erasures: components["schemas"]["CitizenCopyErasureDto"][];
        };
        CitizenCopyEventDto: {
            /** @description The event's data as the citizen may see it (law-enforcement content withheld, erased values noted); its fields depend on `type`. */
            data: {
                [key: string]: unknown;
            };
            recordedAt: string;
            type: string;
            /** @description The agency that recorded it; null for system actions. */
            agency: string | null;
        };
        CitizenCopyDto: {
            /** @description Which agencies looked at the case, when and why (never who); or why it is not available. */
            accessReport: {
                /** @enum {boolean} */
                available: true;
                lines: {
                    agency: string;
                    at: string;
                    /** @enum {string} */
                    action: "change" | "export" | "notify" | "open-seal" | "read" | "search";
                    /** @enum {string} */
                    purpose: "audit" | "case-work" | "citizen-access-request" | "coordination" | "criminal-investigation";
                }[];
            } | {
                /** @enum {boolean} */
                available: false;
                note: string;
            };
            caseId: string;
            generatedAt: string;
            citizen: components["schemas"]["CitizenCopyCitizenDto"];
            case: components["schemas"]["CitizenCopyCaseDto"];
            events: components["schemas"]["CitizenCopyEventDto"][];
            /** @description What the copy leaves out and why. */
            notes: string[];
        };
        ComponentHealthDto: {
            up: boolean;
            /** @description Why it is down, in fixed words (never a connection string or an error's text). */
            detail?: string;
        };
        HealthReportDto: {
            /** @description Per component (database, eventStore, projections, ...). */
            components: {
                [key: string]: components["schemas"]["ComponentHealthDto"];
            };
            /**
             * @description `ok` (200) when every component is up, `degraded` (503) otherwise.
             * @enum {string}
             */
            status: "degraded" | "ok";
            up: boolean;
        };
        LivenessDto: {
            /** @enum {string} */
            status: "ok";
        };
        ReadinessDto: {
            /**
             * @description `ready` (200), or `not ready` (503) while the database or the event store does not answer.
             * @enum {string}
             */
            status: "not ready" | "ready";
        };
        NotificationRecipientDto: {
            /** @enum {string} */
            kind: "unit" | "user";
            agency: string;
            /** @description The unit's entry point code (reference data), for a unit. */
            entryPoint?: string | null;
            /** @description The person, for a personal notification. */
            userId?: string | null;
        };
        NotificationDto: {
            /**
             * Format: uuid
             * @description Deterministic: the same event and recipient always give the same id (deduplicate on it).
             */
            id: string;
            /** @description The SSE event id (Last-Event-ID). */
            sequence: string;
            /** @enum {string} */
            kind: "asked-to-join" | "case-assigned" | "deadline-approaching" | "deadline-passed" | "escalation" | "information-requested" | "information-shared" | "referral-received" | "reminder";
            /** Format: uuid */
            caseId: string;
            recipient: components["schemas"]["NotificationRecipientDto"];
            fromAgency?: string | null;
            /** @description information-shared: the entry to acknowledge (absent for a sealed identity). */
            entryId?: string | null;
            requestId?: string | null;
            /** @description yyyy-mm-dd */
            dueDate?: string | null;
            /** Format: date-time */
            occurredAt: string;
            /**
             * Format: date-time
             * @description When you read it; null while unread.
             */
            readAt?: string | null;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            page: {
                limit: number;
                offset: number;
                total: number;
            };
            unread: number;
        };
        AcknowledgedFromNotificationDto: {
            notification: components["schemas"]["NotificationDto"];
            revision: number;
            position: string;
            replayed: boolean;
        };
        UnitSettingDto: {
            agency: string;
            entryPoint: string;
            /** @enum {string} */
            mailDelivery: "daily-digest" | "immediate";
            /** @description Whether it is the reference data's default (no choice made). */
            isDefault: boolean;
        };
        MailSettingDto: {
            /** @enum {string} */
            mailDelivery: "daily-digest" | "immediate";
        };
        CreateWebhookSubscriptionDto: {
            /**
             * @description The agency whose unit notifications are sent (reference-data code).
             * @example KRIMINALFORSORGEN
             */
            agency: string;
            /**
             * @description Where to POST (https; http is accepted outside production).
             * @example https://kriminalforsorgen.example.org/samvirke/webhook
             */
            url: string;
        };
        CreatedWebhookSubscriptionDto: {
            /** Format: uuid */
            id: string;
            agency: string;
            url: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            active: boolean;
            /** @description The signing secret (Standard Webhooks, whsec_...): shown this once, store it at the receiver. */
            secret: string;
        };
        WebhookSubscriptionDto: {
            /** Format: uuid */
            id: string;
            agency: string;
            url: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            active: boolean;
        };
        DeadLetterDto: {
            /** @description The delivery (outbox row) id: replay it with POST .../dead-letters/:deliveryId/replay. */
            deliveryId: string;
            /** Format: uuid */
            subscriptionId: string;
            /** Format: uuid */
            notificationId: string;
            agency: string;
            attempts: number;
            /** @description Why the last attempt failed (a status code, a timeout, unreachable): never the receiver's body. */
            lastError?: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        DevMailDto: {
            id: string;
            recordedAt: string;
            to: string;
            subject: string;
            body: string;
            /** @description The notifications the mail told of. */
            notificationIds: string[];
        };
        /** @description RFC 9457 problem details, with the project's stable reason code. Nothing in it repeats what the request sent. */
        ProblemDetails: {
            /**
             * Format: uri
             * @description One per reason.
             * @example https://samvirke.kk.dk/problems/validation-failed
             */
            type: string;
            /**
             * @description The status's words.
             * @example Bad Request
             */
            title: string;
            /** @example 400 */
            status: number;
            /** @description What went wrong and what to do, in fixed words. */
            detail: string;
            /**
             * @description Stable code: VALIDATION_FAILED, MALFORMED_JSON, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, REVISION_CONFLICT, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, READ_MODEL_BEHIND, a case rule's code, ...
             * @example VALIDATION_FAILED
             */
            reason: string;
            /** @description On every 400: which field breaks which rule. */
            violations?: {
                field: string;
                rule: string;
                message: string;
            }[];
            /** @description On 412: the case revision to read again from. */
            currentRevision?: number | null;
            /** @description On 500: quote it when you report the error. */
            requestId?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics, in the Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    ReferenceDataController_index: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lists and their versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceDataIndexDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReferenceDataController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                list: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list, as versioned reference data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceDataListDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    TimelineController_timeline: {
        parameters: {
            query: {
                kind?: "acknowledgement" | "action" | "conference" | "custody-start" | "erasure" | "escalation" | "information-answer" | "information-request" | "information-share" | "referral" | "release" | "road-map";
                /** @description The agency that owns the item (must act on it, or did). */
                agency?: string;
                status?: "done" | "done-late" | "due" | "ended" | "overdue";
                /** @description Items on or after this date (yyyy-mm-dd). */
                from?: string;
                /** @description Items on or before this date (yyyy-mm-dd). */
                to?: string;
                /**
                 * @description Keyset paging: the page after this position (`page.next` of the page before). Steady under
                 *     appends and as fast on the last page as on the first; not combined with offset.
                 */
                after?: string;
                /** @description total=false leaves the count out (page.total is null): a page then reads only its own rows. */
                total?: "false" | "true";
                /** @description The items' titles in Danish or English (agency names and road-map items from reference data). Default en. */
                lang?: "da" | "en";
                /** @description Rows per page, 1-200. */
                limit: number;
                offset: number;
                /** @description A position returned by a write: the read waits until the read model has applied it (or 503). */
                consistentWith?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelinePageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    WorklistController_worklist: {
        parameters: {
            query: {
                /** @description Information not acknowledged this many days after it was shared counts as a reason (default 5). */
                unacknowledgedAfterDays: number;
                /** @description A referral of the case's citizen received within this many days counts as a reason (default 14). */
                referralsWithinDays: number;
                /** @description Only cases with this reason. Without it, every open case is listed, calm ones last. */
                reason?: "escalated-flows" | "no-recent-conference" | "overdue-items" | "referral-received" | "release-coming-up" | "stalled-flows" | "unacknowledged-information";
                /** @description Rows per page, 1-200. */
                limit: number;
                offset: number;
                /** @description A position returned by a write: the read waits until the read model has applied it (or 503). */
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorklistPageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    IntakeController_queue: {
        parameters: {
            query: {
                /** @description Rows per page, 1-200. */
                limit: number;
                offset: number;
                /** @description A position returned by a write: the read waits until the read model has applied it (or 503). */
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakePageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    InformationFlowController_caseFlow: {
        parameters: {
            query: {
                kind?: "request" | "share";
                /** @description open: not yet acknowledged / answered / declined; closed: the receiver has responded. */
                state?: "closed" | "open";
                /** @description Rows per page, 1-200. */
                limit: number;
                offset: number;
                /** @description A position returned by a write: the read waits until the read model has applied it (or 503). */
                consistentWith?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InformationFlowPageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    InformationFlowController_delays: {
        parameters: {
            query?: {
                /** @description A calendar month that has ended (yyyy-mm, Copenhagen); default: the last one. */
                month?: string;
                fromAgency?: string;
                toAgency?: string;
                kind?: "request" | "share";
                /** @description A position returned by a write: the statistics wait until they include it (or 503). */
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelayStatisticsDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CaseSummaryController_list: {
        parameters: {
            query: {
                status?: "closed" | "open";
                /** @description The current SSP level (the latest assessment). */
                level?: number;
                /** @description A district code (see GET /reference-data/districts). */
                district?: string;
                /** @description Cases currently enrolled in this programme. */
                programme?: string;
                /** @description The coordinator's user id. */
                coordinator?: string;
                /** @description Cases this agency is currently on. */
                agency?: string;
                /** @description Only cases eligible for SSP+ today (level 3/4 and within the age band). */
                eligibleOnly?: boolean;
                /** @description Rows per page, 1-200. */
                limit: number;
                offset: number;
                /** @description A position returned by a write: the read waits until the read model has applied it (or 503). */
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummaryPageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CaseCommandsController_openCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCaseDto"];
            };
        };
        responses: {
            /** @description The referral was received (the same answer whether or not the citizen had a case, and on a replay). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralReceivedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CaseSummaryController_one: {
        parameters: {
            query?: {
                consistentWith?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case summary. */
            200: {
                headers: {
                    /** @description The case revision this answer shows, "<revision>": send it as If-Match on a write. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummaryDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SealOpeningsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SealOpeningsDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SealOpeningsController_open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenSealDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SealOpenedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CaseEntryPointsController_entryPoints: {
        parameters: {
            query?: {
                consistentWith?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEntryPointsDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AgencyDirectoryController_list: {
        parameters: {
            query?: {
                /** @description Text to look for in what an entry point handles (or its unit), e.g. "housing". */
                handles?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyDirectoryDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AgencyDirectoryController_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SspRegisterController_list: {
        parameters: {
            query: {
                /** @description A district code (see GET /reference-data/districts). */
                district?: string;
                /** @description A city district ("bydel") code: every district in it (see GET /reference-data/city-districts). */
                cityDistrict?: string;
                /** @description Cases currently enrolled in this programme. */
                programme?: string;
                custody?: "none" | "remand" | "sentence";
                /** @description The coordinator's user id. */
                coordinator?: string;
                /** @description Rows per page, 1-200. */
                limit: number;
                offset: number;
                /** @description A position returned by a write: the read waits until the read model has applied it (or 503). */
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SspRegisterPageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_measures: {
        parameters: {
            query?: {
                /** @description The measures' titles, cohorts, windows and definitions in Danish or English (codes, numbers and the other fields are the same in both). Default en. */
                lang?: "da" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The measures (`measures`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureListDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_addMeasure: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The measure added: `{code, definitionVersion: 1}`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureVersionRecordedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_report: {
        parameters: {
            query?: {
                /** @description Labels of the cells, and the measure's title, cohort, window and definition, in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                /** @description Run the report with this version of the measure's definition (default: the newest recorded on or before asOf). */
                definitionVersion?: string;
                /** @description Facts recorded after this instant are left out: re-running with a published report's asOf reproduces it. */
                asOf?: string;
                /** @description Windows must end on or before this day; defaults to the Copenhagen date of asOf. */
                measurementDate?: string;
                /** @description `agency` applies to staff-knowledge only (staff units); the others to people. */
                by?: "ageBand" | "agency" | "cityDistrict" | "level" | "period" | "programme";
                /** @description A second breakdown (measures of people), for a two-way table such as by=programme&by2=cityDistrict. */
                by2?: "ageBand" | "cityDistrict" | "level" | "period" | "programme";
                period?: "quarter" | "year";
                programme?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report: JSON (people or staff units, or areas for the safety-index measures), or CSV with format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureReportDto"] | components["schemas"]["AreaMeasureReportDto"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_changeMeasure: {
        parameters: {
            query?: {
                /** @description Change only over this version (optimistic concurrency); 409 when the measure has moved on. */
                ifVersion?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version recorded: `{code, definitionVersion}`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureVersionRecordedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_measureVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every version (`versions`), oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureVersionsDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_series: {
        parameters: {
            query: {
                /** @description Labels of the cells (and the measure's title) in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                /** @description Run the report with this version of the measure's definition (default: the newest recorded on or before asOf). */
                definitionVersion?: string;
                /** @description First and last month (yyyy-mm); a point on the last day of each month or quarter. */
                from: string;
                to: string;
                grain?: "month" | "quarter";
                programme?: string;
                asOf?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or CSV with format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureSeriesDto"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_seriesChart: {
        parameters: {
            query: {
                /** @description Labels of the cells (and the measure's title) in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                /** @description Run the report with this version of the measure's definition (default: the newest recorded on or before asOf). */
                definitionVersion?: string;
                /** @description First and last month (yyyy-mm); a point on the last day of each month or quarter. */
                from: string;
                to: string;
                grain?: "month" | "quarter";
                programme?: string;
                asOf?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chart, an SVG image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_chart: {
        parameters: {
            query?: {
                /** @description Labels of the cells, and the measure's title, cohort, window and definition, in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                /** @description Run the report with this version of the measure's definition (default: the newest recorded on or before asOf). */
                definitionVersion?: string;
                /** @description Facts recorded after this instant are left out: re-running with a published report's asOf reproduces it. */
                asOf?: string;
                /** @description Windows must end on or before this day; defaults to the Copenhagen date of asOf. */
                measurementDate?: string;
                /** @description `agency` applies to staff-knowledge only (staff units); the others to people. */
                by?: "ageBand" | "agency" | "cityDistrict" | "level" | "period" | "programme";
                /** @description A second breakdown (measures of people), for a two-way table such as by=programme&by2=cityDistrict. */
                by2?: "ageBand" | "cityDistrict" | "level" | "period" | "programme";
                period?: "quarter" | "year";
                programme?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chart, an SVG image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_status: {
        parameters: {
            query?: {
                /** @description Labels of the cells (and the measure's title) in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                /** @description The day the figures are about; defaults to the Copenhagen date of asOf. */
                date?: string;
                asOf?: string;
                by?: "ageBand" | "cityDistrict" | "level" | "programme";
                programme?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or CSV with format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusReportDto"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_statusChart: {
        parameters: {
            query?: {
                /** @description Labels of the cells (and the measure's title) in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                /** @description The day the figures are about; defaults to the Copenhagen date of asOf. */
                date?: string;
                asOf?: string;
                by?: "ageBand" | "cityDistrict" | "level" | "programme";
                programme?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chart, an SVG image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_reductions: {
        parameters: {
            query: {
                /** @description Labels (programme, groups, offences) in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                programme: string;
                /** @description The year of the cohort's first enrolment. */
                cohortYear: string;
                /** @description N: the months before and after enrolment (default 12). */
                months?: string;
                comparison?: "not-enrolled" | "previous-cohort";
                measurementDate?: string;
                asOf?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or CSV with format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReductionReportDto"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_reductionsChart: {
        parameters: {
            query: {
                /** @description Labels (programme, groups, offences) in Danish or English; keys and figures are the same in both. Default en. */
                lang?: "da" | "en";
                programme: string;
                /** @description The year of the cohort's first enrolment. */
                cohortYear: string;
                /** @description N: the months before and after enrolment (default 12). */
                months?: string;
                comparison?: "not-enrolled" | "previous-cohort";
                measurementDate?: string;
                asOf?: string;
                format?: "csv" | "json";
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chart, an SVG image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_recordStaffKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many assessments were recorded (`recorded`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffKnowledgeRecordedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_safetyIndex: {
        parameters: {
            query: {
                year: string;
                consistentWith?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year and its districts (`year`, `districts`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictSafetyDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EffectsController_importSafetyIndex: {
        parameters: {
            query?: {
                /** @description district (default): the first CSV column holds district codes; estate: housing-estate codes (reference data estates.json). */
                area?: "district" | "estate";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many rows were imported (`imported`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SafetyIndexImportedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AuditLogController_log: {
        parameters: {
            query?: {
                caseId?: string;
                userId?: string;
                agency?: string;
                /** @description The kind of access: read, search, export, change or notify. */
                action?: "change" | "export" | "notify" | "open-seal" | "read" | "search";
                /** @description The purpose the reader declared (X-Purpose). */
                purpose?: "audit" | "case-work" | "citizen-access-request" | "coordination" | "criminal-investigation";
                /** @description Inclusive, an ISO 8601 instant. */
                from?: string;
                /** @description Exclusive, an ISO 8601 instant. */
                to?: string;
                limit?: number;
                offset?: number;
            };
            header?: {
                /** @description Why you are looking: case-work, coordination, audit, citizen-access-request, criminal-investigation (default case-work). */
                "X-Purpose"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of access records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogPageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AuditLogController_accessReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Why you are looking: case-work, coordination, audit, citizen-access-request, criminal-investigation (default case-work). */
                "X-Purpose"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case's access report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessReportDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    VerificationController_verifyCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseVerificationResultDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    VerificationController_verifyStore: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationResultDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReplayController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case id and its events (`caseId`, `events`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayedEventsDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReplayController_state: {
        parameters: {
            query?: {
                /** @description Two time axes. An ISO 8601 instant (2026-03-01T10:00:00Z): recorded time, what the system knew then (the events recorded at or before it). A date (2026-03-01): what was in force on that Copenhagen day as known now, by the dates the facts carry (assessment, programme, custody, charge ... dates; events without one count from the day they were recorded; the opening counts from the start). Default: after every event. */
                asOf?: string;
                /** @description With a date asOf: as known at this ISO 8601 instant instead of now (what was known at T about day D). */
                knownAt?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reconstructed state as recorded at the instant, or in force on the date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStateAsOfDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReplayController_knowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry's knowledge report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryKnowledgeDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReadableHistoryController_history: {
        parameters: {
            query?: {
                /** @description da or en; absent: from Accept-Language, else da. */
                lang?: "da" | "en";
            };
            header: {
                "accept-language": string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case's history in words (`caseId`, `lang`, `events`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadableHistoryDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CaseCommandsController_erase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseCitizenDataDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    closeCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseCaseDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reopenCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReopenCaseDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    assessSspCategory: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessSspCategoryDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeCoordinator: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignCoordinatorDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    assignCoordinator: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignCoordinatorDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    joinCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                agency: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JoinCaseDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    leaveCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                agency: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeEntryPoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                agency: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeEntryPointDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    requestIntake: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    enrolInProgramme: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolInProgrammeDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    exitProgramme: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                programmeCode: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExitProgrammeDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    shareInformation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareInformationDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    acknowledgeInformation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                entryId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    requestInformation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestInformationDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    answerInformationRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                requestId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerInformationRequestDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    declineInformationRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                requestId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclineInformationRequestDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    setGoal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetGoalDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    addAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddActionDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    completeAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                actionId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteActionDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    cancelAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                actionId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelActionDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recordCaseConference: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCaseConferenceDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    startCustody: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartCustodyDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeExpectedRelease: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeExpectedReleaseDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    releaseFromCustody: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleaseFromCustodyDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recordCharge: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordChargeDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recordConviction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordConvictionDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    startEmployment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartEmploymentDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    endEmployment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                employmentId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndEmploymentDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    startEducation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartEducationDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    endEducation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                educationId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndEducationDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    completeEducation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                educationId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteEducationDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    registerSelfSufficiency: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterSelfSufficiencyDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    registerLossOfSelfSufficiency: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterLossOfSelfSufficiencyDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    assessProgression: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessProgressionDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    placeLegalHold: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceLegalHoldDto"];
            };
        };
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    liftLegalHold: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read ("<revision>", from GET /cases/{caseId} or a write): 412 with the current revision if the case moved on; * writes only to a case that exists. Not on the referral. */
                "If-Match"?: string;
                /** @description Retrying with the same key never appends twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                holdId: string;
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Written (or a replay of an earlier request with the same Idempotency-Key: 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAcceptedDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match is stale: the case has moved on (currentRevision). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A case rule refuses the command (reason: the rule's code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CitizenCopyController_copy: {
        parameters: {
            query?: {
                /** @description json (default: the data, with codes and ISO instants); html, a printable page for the citizen; pdf, that page printed (needs Chromium on the server, else 503 PDF_RENDERER_UNAVAILABLE). */
                format?: "html" | "json" | "pdf";
                /** @description The language of the html and pdf copy: da or en. Absent: from Accept-Language, else da. */
                lang?: "da" | "en";
            };
            header: {
                "accept-language": string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The copy: JSON, or the citizen's document in Danish or English (plain sentences, agency names, Copenhagen dates: when each thing happened and when it was recorded, and who has seen the case and why). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenCopyDto"];
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every component is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description A component is down: the same report, status `degraded` (not problem details). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            /** @description The database or the event store does not answer: status `not ready`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
        };
    };
    NotificationsController_stream: {
        parameters: {
            query?: {
                /** @description The last `id:` received, for clients that cannot send the Last-Event-ID header. */
                lastEventId?: string;
            };
            header?: {
                /** @description Resume after this event id. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream (never ends while the client listens): `event: notification`, `id: <sequence>`, `data: <the notification as JSON>`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query: {
                /** @description unread or read (for you); default both. */
                state?: "read" | "unread";
                kind?: "asked-to-join" | "case-assigned" | "deadline-approaching" | "deadline-passed" | "escalation" | "information-requested" | "information-shared" | "referral-received" | "reminder";
                caseId?: string;
                /** @description Rows per page, 1-200. */
                limit: number;
                offset: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    NotificationsController_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    NotificationsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgedFromNotificationDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    NotificationsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitSettingDto"][];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    NotificationsController_setSetting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryPoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MailSettingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitSettingDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    WebhookSubscriptionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionDto"][];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    WebhookSubscriptionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookSubscriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookSubscriptionDto"];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    WebhookSubscriptionsController_deadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterDto"][];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    WebhookSubscriptionsController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such resource, or one you may not see (answered alike). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DevMailController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mail kept, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevMailDto"][];
                };
            };
            /** @description Invalid request: see violations. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (or section 115(2)). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database, the read audit or the read models are not available in time; retry (Retry-After). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
