;;; eglot-lsp-test.el --- drive `manifestlint lsp' from Emacs's eglot  -*- lexical-binding: t -*-
;;
;; Run by scripts/test-eglot-lsp.sh (Emacs 28 with Debian's elpa-eglot, or
;; Emacs 29 and later): opens MANIFEST_FILE with the docs/lsp.md setup (read
;; from LSP_DOCS and evaluated as written, manifestlint on PATH),
;; waits for the diagnostics and compares their count and messages with
;; `manifestlint --format json', asks for the code actions on the PO box
;; line and applies "Suppress InvalidAddressException on this line", then
;; opens OTHER_YAML_FILE, a compose file of the same project, which the
;; server must not take.
;; Exits 0 when every check passes, 1 otherwise.

(require 'eglot)
(require 'flymake)
(require 'json)

(defvar mlt-bin (getenv "MANIFESTLINT_BIN"))
(defvar mlt-file (getenv "MANIFEST_FILE"))

(defun mlt-fail (fmt &rest args)
  (princ (concat "FAIL eglot-lsp: " (apply #'format fmt args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(defun mlt-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun mlt-cli-messages ()
  (let* ((out (with-temp-buffer
                (call-process mlt-bin nil t nil "--format" "json" mlt-file)
                (buffer-string)))
         (report (json-parse-string out :object-type 'alist :array-type 'list))
         (findings (alist-get 'findings (car (alist-get 'files report)))))
    ;; eglot shows a diagnostic as "SOURCE [CODE]: MESSAGE"; the server's
    ;; message is the headline, then the help on the next line.
    (sort (mapcar (lambda (f)
                    (let ((code (alist-get 'code f))
                          (help (alist-get 'help f)))
                      (format "manifestlint [%s]: %s%s"
                              (if (equal code "") (alist-get 'rule f) code)
                              (alist-get 'message f)
                              (if (member help '(nil "")) "" (concat "\n" help)))))
                  findings)
          #'string<)))

(defun mlt-diag-messages ()
  (sort (mapcar #'flymake-diagnostic-text (flymake-diagnostics)) #'string<))

(condition-case err
    (progn
      ;; The docs/lsp.md setup, read from it and evaluated as written
      ;; (with manifestlint on PATH).
      (with-temp-buffer
        (insert-file-contents (getenv "LSP_DOCS"))
        (re-search-forward "^## Emacs")
        (re-search-forward "^```elisp\n")
        (let ((start (point))
              (end (progn (re-search-forward "^```$") (match-beginning 0))))
          ;; END is kept: evaluating a form (a require) changes the match data.
          (goto-char start)
          (while (< (point) end)
            (let ((form (read (current-buffer))))
              (eval form t))
            (skip-chars-forward " \t\n"))))
      (find-file mlt-file)
      (unless (eq major-mode 'manifest-yaml-mode)
        (mlt-fail "the manifest opened in %s, not manifest-yaml-mode" major-mode))
      ;; The docs' hook called eglot-ensure, which connects after the next
      ;; command, and batch mode runs none: connect as it would.
      (apply #'eglot--connect (eglot--guess-contact))
      (unless (mlt-wait (lambda () (eglot-current-server)) 20)
        (mlt-fail "no server"))
      (let ((want (mlt-cli-messages)))
        (unless (mlt-wait (lambda () (equal (mlt-diag-messages) want)) 30)
          (mlt-fail "diagnostics %S, CLI %S" (mlt-diag-messages) want))
        (princ (format "ok diagnostics: %d, equal to manifestlint --format json\n" (length want))))
      ;; Code action on the PO box.
      (goto-char (point-min))
      (search-forward "PO Box")
      (let* ((server (eglot-current-server))
             (actions (jsonrpc-request
                       server :textDocument/codeAction
                       (list :textDocument (eglot--TextDocumentIdentifier)
                             :range (list :start (eglot--pos-to-lsp-position (line-beginning-position))
                                          :end (eglot--pos-to-lsp-position (line-end-position)))
                             :context (list :diagnostics []))))
             (chosen (seq-find (lambda (a) (equal (plist-get a :title) "Suppress InvalidAddressException on this line"))
                               actions)))
        (unless chosen (mlt-fail "no suppression action among %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
        (eglot--apply-workspace-edit (plist-get chosen :edit))
        (unless (string-match-p "# manifestlint-ignore: InvalidAddressException -- "
                                (buffer-substring (line-beginning-position) (line-end-position)))
          (mlt-fail "after the action the line is %S" (buffer-substring (line-beginning-position) (line-end-position))))
        (save-buffer)
        (let ((want (mlt-cli-messages)))
          (unless (mlt-wait (lambda () (equal (mlt-diag-messages) want)) 30)
            (mlt-fail "after the action: diagnostics %S, CLI %S" (mlt-diag-messages) want)))
        (princ "ok code action\n"))
      ;; Another YAML file of the project stays in yaml-mode, and the
      ;; manifestlint server does not take it.
      (with-current-buffer (find-file-noselect (getenv "OTHER_YAML_FILE"))
        (unless (eq major-mode 'yaml-mode)
          (mlt-fail "%s opened in %s, not yaml-mode" buffer-file-name major-mode))
        (when (or (bound-and-true-p eglot--managed-mode) (eglot-current-server))
          (mlt-fail "the manifestlint server took %s" buffer-file-name)))
      (princ "ok another YAML file is not taken\n")
      (princ "PASS eglot-lsp\n")
      (kill-emacs 0))
  (error (mlt-fail "%S" err)))
