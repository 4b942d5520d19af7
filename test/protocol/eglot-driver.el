;;; eglot-driver.el --- drives the server through eglot in batch Emacs -*- lexical-binding: t -*-
;; Loads the recipe (server/editors/eglot.el), opens $MOSQUITTO_EGLOT_FILE, and writes what
;; eglot saw as JSON to $MOSQUITTO_EGLOT_OUT. eglot-ensure waits for a command loop that batch
;; Emacs does not have, so the driver starts the same connection with `eglot' itself.
(require 'json)
(load (getenv "MOSQUITTO_EGLOT_RECIPE") nil t)
(defvar mosquitto-seen nil)
(defun mosquitto-see (key value) (push (cons key value) mosquitto-seen))
(condition-case err
    (progn
      (find-file (getenv "MOSQUITTO_EGLOT_FILE"))
      (mosquitto-see 'mode (symbol-name major-mode))
      (apply #'eglot (eglot--guess-contact))
      (let ((server (eglot-current-server)))
        (mosquitto-see 'connected (if server t :json-false))
        (with-timeout (20 (mosquitto-see 'diagnostics-timeout t))
          (while (null eglot--diagnostics) (accept-process-output nil 0.05)))
        (mosquitto-see 'diagnostics (vconcat (mapcar #'flymake-diagnostic-text eglot--diagnostics)))
        (goto-char (point-min)) (forward-line 1) (forward-char 3)
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
          (mosquitto-see 'hover (format "%S" (plist-get hover :contents))))
        (goto-char (point-min)) (forward-line 3)
        (let* ((completion (jsonrpc-request server :textDocument/completion (eglot--TextDocumentPositionParams)))
               (items (if (vectorp completion) completion (plist-get completion :items))))
          (mosquitto-see 'completion (vconcat (mapcar (lambda (i) (plist-get i :label)) items))))
        (goto-char (point-min)) (forward-line 1) (forward-char 16)
        (let ((actions (jsonrpc-request server :textDocument/codeAction
                                        (list :textDocument (eglot--TextDocumentIdentifier)
                                              :range (list :start (eglot--pos-to-lsp-position) :end (eglot--pos-to-lsp-position))
                                              :context (list :diagnostics (vconcat (mapcar (lambda (d) (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))) eglot--diagnostics)))))))
          (mosquitto-see 'code-actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))))
        (eglot-format-buffer)
        (mosquitto-see 'formatted (buffer-substring-no-properties (point-min) (point-max)))))
  (error (mosquitto-see 'error (format "%S" err))))
(with-temp-file (getenv "MOSQUITTO_EGLOT_OUT") (insert (json-encode mosquitto-seen)))
(kill-emacs 0)
