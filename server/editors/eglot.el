;; mosquitto.conf in Emacs with eglot (built into Emacs 29+; Debian 12's Emacs 28: elpa-eglot).
;; `mosquitto-language-server' comes with `npm install -g mosquitto-lint'.
(require 'eglot)
(define-derived-mode mosquitto-conf-mode conf-space-mode "Mosquitto"
  "Major mode for Eclipse Mosquitto configuration files.")
(add-to-list 'auto-mode-alist '("mosquitto\\.conf\\'" . mosquitto-conf-mode))
(add-to-list 'auto-mode-alist '("/mosquitto/conf\\.d/[^/]*\\.conf\\'" . mosquitto-conf-mode))

(add-to-list 'eglot-server-programs
             '(mosquitto-conf-mode . ("mosquitto-language-server" "--stdio")))

(setq-default eglot-workspace-configuration
              '(:mosquitto (:brokerVersion "2.0" :platform "linux" :checkPaths t
                            :rules (:global-option-in-section "off"))))

(add-hook 'mosquitto-conf-mode-hook #'eglot-ensure)
